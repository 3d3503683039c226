"""The tracking page of the directory: ``<directory>/track/``.

POST only for the look-up (the contact never goes into a URL); a wrong pair
and an unknown reference get the same answer; every POST counts towards the
"tracking" rate limit.
"""

from django.template.response import TemplateResponse
from wagtail.models import Page

from core.publicforms import rate_limit
from core.tracking import NOT_FOUND_MESSAGE, TrackingForm, find_tracked

from . import submissions
from .models import ServiceSubmission

RATE_LIMIT_SCOPE = "tracking"


def tracking_view(directory, request):
    context = Page.get_context(directory, request)
    status = 200
    submission = None
    if request.method == "POST":
        form = TrackingForm(request.POST)
        limit = rate_limit(request, RATE_LIMIT_SCOPE)
        if limit.exceeded:
            form.full_clean()
            form.add_error(None, limit.message)
            status = 429
        elif form.is_valid():
            submission = find_tracked(
                ServiceSubmission.objects.all(), form.cleaned_data["reference"], form.cleaned_data["contact"]
            )
            if submission is None:
                form.add_error(None, NOT_FOUND_MESSAGE)
    else:
        form = TrackingForm()
    if submission is not None:
        context.update(
            submission=submission,
            service=submissions.service_in_language(submission.service, directory.locale.language_code),
            events=list(submission.events.all()),
            invitation=submissions.survey_invitation(submission),
            form=TrackingForm(),
        )
    else:
        context["form"] = form
    response = TemplateResponse(request, "services/track.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
