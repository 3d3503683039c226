"""The consultation page's routes: the page with its comment form, and the
thank-you page after a comment."""

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.publicforms import rate_limit
from integrations.email import enqueue_email
from offices.services import notify_addresses

from .forms import CommentForm
from .models import ConsultationComment

NOTIFY_TEMPLATE = "consultations/email/new_comment"


def _render(request, page, form, status=200, message=""):
    context = page.get_context(request)
    context.update(form=form, form_message=message)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def closed_message(page):
    if page.is_closed:
        return _("This consultation has closed: comments are no longer accepted.")
    return _("This consultation has not opened yet: comments are accepted from the opening date.")


def consultation(request, page):
    sections = page.section_choices
    if request.method != "POST":
        return _render(request, page, CommentForm(sections=sections) if page.is_open else None)
    if not page.is_open:
        # Also when the form was loaded before the closing time and sent after it.
        return _render(request, page, None, status=403, message=closed_message(page))
    form = CommentForm(request.POST, sections=sections)
    limited = rate_limit(request, "consultation_comment")
    if limited.exceeded:
        form.is_valid()  # keep what was typed; the message explains the wait
        return _render(request, page, form, status=429, message=limited.message)
    if not form.is_valid():
        return _render(request, page, form, status=400)
    with transaction.atomic():
        comment = ConsultationComment.objects.create(
            consultation=page,
            section=form.cleaned_data["section"],
            comment=form.cleaned_data["comment"].strip(),
            name=form.cleaned_data["name"].strip(),
            show_name=form.cleaned_data["show_name"],
            email=form.cleaned_data["email"].strip(),
            organisation=form.cleaned_data["organisation"].strip(),
            language=get_language() or settings.LANGUAGE_CODE,
        )
        notify_office(comment)
    return HttpResponseRedirect(page.url + page.reverse_subpage("thanks"), status=303)


def notify_office(comment):
    """Tell the consultation's division (else the office) a comment waits for
    moderation: which consultation and where to moderate it, nothing of what
    the commenter gave."""
    recipients = notify_addresses(comment.consultation.division)
    context = {
        "consultation_title": comment.consultation.title,
        "moderation_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("consultation_comments:edit", args=[comment.pk]),
    }
    enqueue_email(recipients, NOTIFY_TEMPLATE, context, language=settings.LANGUAGE_CODE, reference=comment)


def thanks(request, page):
    context = page.get_context(request)
    return TemplateResponse(request, "consultations/consultation_thanks.html", context)
