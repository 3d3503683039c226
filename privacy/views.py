"""Settings → Personal data: what is held about one person, its export as a
ZIP, and its erasure after a confirmation. Administrators only.

The contact is sent by POST and carried from step to step in the form, never
in a URL, the session or a log line; pages show it masked. Every export and
erasure is recorded (privacy.models.PersonalDataRequest and Wagtail's log)
with the records' references and the user, not the contact.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import PersonForm

PERMISSION = "privacy.manage_personal_data"
URL_NAME = "privacy_personal_data"
FIND, EXPORT, CONFIRM, ERASE = "find", "export", "confirm", "erase"


def can_manage(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _render(request, form, status=200, **context):
    return TemplateResponse(
        request,
        "privacy/admin/personal_data.html",
        {
            "form": form,
            "retention_days": services.retention_days(),
            **context,
        },
        status=status,
    )


@never_cache
@sensitive_post_parameters("email", "phone")
def personal_data(request):
    if not can_manage(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return _render(request, PersonForm())
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    form = PersonForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    email, phone = form.cleaned_data["email"], form.cleaned_data["phone"]
    step = request.POST.get("step", FIND)
    masked = services.mask_contact(email, phone)
    try:
        if step == EXPORT:
            return _zip_response(services.export_person(email, phone, user=request.user))
        records = services.find_person(email=email, phone=phone)
        if not records:
            raise services.PersonNotFound(_("No data is held for %(contact)s.") % {"contact": masked})
        entries = records.entries()
        references = [entry.reference for entry in entries]
        context = {
            "contact": masked,
            "entries": entries,
            "references": ",".join(references),
            "has_open": any(entry.is_open for entry in entries),
        }
        if step == ERASE:
            if request.POST.get("confirmed", "") != ",".join(references):
                messages.warning(
                    request, _("The records have changed since you looked. Check the list and confirm again.")
                )
                return _render(request, form, confirming=True, **context)
            result = services.erase_person(email, phone, user=request.user)
            messages.success(
                request,
                _("Personal data erased from %(count)s records: %(references)s. The statistics are kept.")
                % {"count": len(result.references), "references": ", ".join(result.references)},
            )
            return redirect(URL_NAME)
        return _render(request, form, confirming=step == CONFIRM, **context)
    except services.PersonNotFound as not_found:
        return _render(request, form, not_found=str(not_found))


def _zip_response(content):
    response = HttpResponse(content, content_type="application/zip")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="data-pribadi-{stamp}.zip"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
