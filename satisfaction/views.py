"""The public survey: one page per invitation token, under the language prefix.

The address holds only the random token (never the application reference).
Unknown token: 404. Expired: 410 with a page that says so. Answered: the
thank-you page; a second answer is refused (409). Pages are private and never
cached, and send no Referer with the token to other sites.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from core.publicforms import rate_limit

from . import services
from .forms import SurveyForm
from .models import SurveyInvitation

RATE_LIMIT_SCOPE = "survey"


def _service_page(invitation):
    """The invitation's service page in the reader's language, when it is live."""
    page = invitation.service
    if page is None:
        return None
    translated = page.get_translation_or_none(Locale.get_active()) or page
    return translated if translated.live else None


def _render(request, template, invitation, status=200, **context):
    service_page = _service_page(invitation)
    context.update(
        invitation=invitation,
        service_page=service_page,
        service_title=service_page.title if service_page else invitation.service_title,
    )
    response = render(request, template, context, status=status)
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def survey(request, token):
    invitation = SurveyInvitation.objects.select_related("service").filter(token=token).first()
    if invitation is None:
        raise Http404
    if invitation.is_completed:
        if request.method == "POST":
            return _render(request, "satisfaction/answered.html", invitation, status=409, repeated=True)
        return _render(request, "satisfaction/answered.html", invitation)
    if invitation.is_expired():
        return _render(request, "satisfaction/expired.html", invitation, status=410)

    if request.method != "POST":
        return _render(request, "satisfaction/survey.html", invitation, form=SurveyForm())

    form = SurveyForm(request.POST)
    limited = rate_limit(request, RATE_LIMIT_SCOPE)
    if limited.exceeded:
        form.is_valid()  # show the answers again, with the wait as the page's message
        form.errors.clear()
        form.add_error(None, limited.message)
        return _render(request, "satisfaction/survey.html", invitation, status=429, form=form)
    if not form.is_valid():
        return _render(request, "satisfaction/survey.html", invitation, form=form)
    try:
        services.record_response(invitation, form.scores(), form.cleaned_data.get("comment", ""))
    except services.AlreadyAnswered:
        invitation.refresh_from_db()
        return _render(request, "satisfaction/answered.html", invitation, status=409, repeated=True)
    except services.InvitationExpired:
        return _render(request, "satisfaction/expired.html", invitation, status=410)
    return redirect("satisfaction_survey", token=invitation.token)
