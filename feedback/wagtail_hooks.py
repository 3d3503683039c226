from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import FeedbackTicket
from .viewsets import TicketPermissionPolicy, TicketsGroup

# Registered before the viewset, which would otherwise create a default policy.
register_permission_policy(FeedbackTicket, TicketPermissionPolicy(FeedbackTicket))


@hooks.register("register_admin_viewset")
def register_ticket_viewsets():
    return TicketsGroup()
