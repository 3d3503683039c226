from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ServiceSubmission
from .viewsets import SubmissionPermissionPolicy, SubmissionViewSet

# Registered before the viewset, which would otherwise create a default policy.
register_permission_policy(ServiceSubmission, SubmissionPermissionPolicy(ServiceSubmission))


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet("applications")
