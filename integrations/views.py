"""The development back-end: a stand-in transaction back-end that really works.

Mounted at integrations/dev-backend/<name>/ only when DEBUG or
INTEGRATION_DEV_BACKEND is on. It checks what a real back-end must check (the
HMAC signature and its timestamp window, the Idempotency-Key) with the secret
of the destination of the same name, stores each message once, and answers
200 for a new message and for a duplicate. ``?respond=503`` (any 4xx/5xx) in
the destination's URL makes it answer that status instead, to try out retries.

It also sends status updates back, as a real back-end would: the page at
integrations/dev-backend/ (staff only) lists what it received with a "send
status" form, and ``manage.py dev_backend_status <reference> <status>`` does
the same from a shell. Both POST a signed JSON callback to the message's
``callback_url`` with the secret of the destination it came in on.
"""

import http.client
import json
import uuid
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import F
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import DevReceivedMessage, TransactionBackend
from .signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, signature_headers, verify


def dev_backend_enabled():
    return settings.DEBUG or getattr(settings, "INTEGRATION_DEV_BACKEND", False)


def destination_secret(name):
    """The secret of the settings destination ``name``, else of the
    transaction back-end with that slug."""
    secret = getattr(settings, "INTEGRATION_DESTINATIONS", {}).get(name, {}).get("SECRET")
    if secret:
        return secret
    backend = TransactionBackend.objects.filter(slug=name).first()
    return backend.signing_secret if backend else None


def _error(message, status):
    return JsonResponse({"status": "error", "error": message}, status=status)


@csrf_exempt
@require_POST
def dev_backend(request, name):
    if not dev_backend_enabled():
        raise Http404
    secret = destination_secret(name)
    if not secret:
        raise Http404
    timestamp = request.headers.get(TIMESTAMP_HEADER)
    signature = request.headers.get(SIGNATURE_HEADER)
    if not timestamp or not signature:
        return _error("missing signature", 401)
    max_age = getattr(settings, "INTEGRATION_SIGNATURE_MAX_AGE", 300)
    if not verify(secret, timestamp, request.body, signature, max_age=max_age):
        return _error("bad signature or stale timestamp", 403)
    key = request.headers.get("Idempotency-Key", "")
    if not key or len(key) > 64:
        return _error("missing Idempotency-Key", 400)
    simulated = request.GET.get("respond", "")
    if simulated.isdigit() and 400 <= int(simulated) <= 599:
        return _error("simulated failure", int(simulated))
    try:
        payload = json.loads(request.body)
    except ValueError:
        return _error("body is not JSON", 400)
    message, created = DevReceivedMessage.objects.get_or_create(
        destination=name,
        idempotency_key=key,
        defaults={"kind": request.headers.get("X-Message-Kind", "")[:100], "payload": payload},
    )
    if not created:
        DevReceivedMessage.objects.filter(pk=message.pk).update(duplicates=F("duplicates") + 1)
    return JsonResponse({"status": "received" if created else "duplicate", "id": message.pk})


# Sending status updates back -----------------------------------------------------------

#: The statuses a back-end reports (services.choices.CALLBACK_STATUSES).
STATUS_CHOICES = [
    ("received", _("Received")),
    ("in_process", _("In process")),
    ("more_documents_needed", _("More documents needed")),
    ("completed", _("Completed")),
    ("rejected", _("Rejected")),
]


class StatusUpdateError(Exception):
    pass


def send_status_update(received, status, message="", *, event_id=None, timeout=10):
    """POST a signed status callback for ``received`` (a DevReceivedMessage)
    to its payload's ``callback_url``; returns ``(http_status, answer)``."""
    payload = received.payload if isinstance(received.payload, dict) else {}
    url, reference = payload.get("callback_url"), payload.get("reference")
    if not url or not reference:
        raise StatusUpdateError("The message has no callback_url or reference.")
    secret = destination_secret(received.destination)
    if not secret:
        raise StatusUpdateError(f"No secret for the destination {received.destination!r}.")
    body = json.dumps(
        {
            "reference": reference,
            "status": status,
            "message": message,
            "event_id": event_id or uuid.uuid4().hex,
        }
    ).encode()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise StatusUpdateError("The callback_url is not an http(s) address.")
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(
            "POST",
            (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
            body=body,
            headers={"Content-Type": "application/json", **signature_headers(secret, body)},
        )
        response = connection.getresponse()
        raw = response.read(64 * 1024)
    except OSError as exc:
        raise StatusUpdateError(f"Could not reach {parts.hostname}: {type(exc).__name__}") from exc
    finally:
        connection.close()
    try:
        answer = json.loads(raw or b"{}")
    except ValueError:
        answer = {}
    return response.status, answer


class StatusUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES)
    message = forms.CharField(label=_("Message to the applicant"), required=False, max_length=2000)


def _staff_only(request):
    if not dev_backend_enabled():
        raise Http404
    if not (request.user.is_authenticated and request.user.is_active and request.user.is_staff):
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    return None


def dev_backend_messages(request):
    """What the development back-end received, newest first, each with a form
    to send a status update back."""
    refusal = _staff_only(request)
    if refusal:
        return refusal
    received = []
    for message in DevReceivedMessage.objects.order_by("-received_at")[:100]:
        payload = message.payload if isinstance(message.payload, dict) else {}
        received.append(
            {
                "message": message,
                "reference": payload.get("reference", ""),
                "service": (payload.get("service") or {}).get("title", ""),
                "can_reply": bool(payload.get("callback_url") and payload.get("reference")),
                "form": StatusUpdateForm(prefix=f"m{message.pk}"),
            }
        )
    return render(request, "integrations/dev_backend_messages.html", {"received": received})


@require_POST
def dev_backend_send_status(request, pk):
    refusal = _staff_only(request)
    if refusal:
        return refusal
    received = get_object_or_404(DevReceivedMessage, pk=pk)
    form = StatusUpdateForm(request.POST, prefix=f"m{pk}")
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("integrations:dev_backend_messages")
    try:
        status, answer = send_status_update(
            received, form.cleaned_data["status"], form.cleaned_data["message"]
        )
    except StatusUpdateError as exc:
        messages.error(request, _("The status update was not sent: %(error)s") % {"error": exc})
    else:
        if 200 <= status < 300:
            messages.success(
                request,
                _("The site accepted the status update (%(answer)s).")
                % {"answer": answer.get("status", status)},
            )
        else:
            messages.error(
                request,
                _("The site answered HTTP %(status)s: %(error)s")
                % {
                    "status": status,
                    "error": answer.get("error", ""),
                },
            )
    return redirect("integrations:dev_backend_messages")
