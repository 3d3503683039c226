"""The development back-end: a stand-in transaction back-end that really works.

Mounted at integrations/dev-backend/<name>/ only when DEBUG or
INTEGRATION_DEV_BACKEND is on. It checks what a real back-end must check (the
HMAC signature and its timestamp window, the Idempotency-Key) with the secret
of the destination of the same name, stores each message once, and answers
200 for a new message and for a duplicate. ``?respond=503`` (any 4xx/5xx) in
the destination's URL makes it answer that status instead, to try out retries.
"""

import json

from django.conf import settings
from django.db.models import F
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import DevReceivedMessage
from .signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify


def dev_backend_enabled():
    return settings.DEBUG or getattr(settings, "INTEGRATION_DEV_BACKEND", False)


def _error(message, status):
    return JsonResponse({"status": "error", "error": message}, status=status)


@csrf_exempt
@require_POST
def dev_backend(request, name):
    if not dev_backend_enabled():
        raise Http404
    secret = getattr(settings, "INTEGRATION_DESTINATIONS", {}).get(name, {}).get("SECRET")
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
