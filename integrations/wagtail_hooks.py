from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OutboxMessage
from .viewsets import OutboxPermissionPolicy, OutboxViewSet, TransactionBackendViewSet

# Registered before the viewset, which would otherwise create a default policy.
register_permission_policy(OutboxMessage, OutboxPermissionPolicy(OutboxMessage))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet("outbox")


@hooks.register("register_admin_viewset")
def register_transaction_backend_viewset():
    return TransactionBackendViewSet("transaction_backends")
