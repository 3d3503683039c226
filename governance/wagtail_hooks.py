from wagtail import hooks

from .viewsets import division_section_viewset


@hooks.register("register_admin_viewset")
def register_division_section_viewset():
    return division_section_viewset
