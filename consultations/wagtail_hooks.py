from wagtail import hooks

from .viewsets import comment_viewset


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return comment_viewset
