"""Machine endpoints: status callbacks from transaction back-ends, and the
signed downloads of attachments for them. Staff downloads are in viewsets.py."""

import json

from django.core import signing
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core.uploads import attachment_response
from integrations.models import TransactionBackend
from integrations.signing import verify_request

from . import submissions
from .choices import CALLBACK_STATUSES


def _error(message, status):
    return JsonResponse({"status": "error", "error": message}, status=status)


@csrf_exempt
@require_POST
def status_callback(request, slug):
    """POST {reference, status, message?, event_id}, signed with the back-end's secret."""
    backend = TransactionBackend.objects.filter(slug=slug).first()
    if backend is None:
        return _error("unknown back-end", 404)
    if not backend.signing_secret or not verify_request(request, backend.signing_secret):
        return _error("bad signature or stale timestamp", 403)
    try:
        data = json.loads(request.body)
    except ValueError:
        return _error("body is not JSON", 400)
    if not isinstance(data, dict):
        return _error("body must be a JSON object", 400)
    reference, status = data.get("reference"), data.get("status")
    event_id, message = data.get("event_id"), data.get("message") or ""
    if not isinstance(reference, str) or not reference.strip():
        return _error("reference is required", 400)
    if not isinstance(event_id, str | int) or not str(event_id).strip() or len(str(event_id)) > 100:
        return _error("event_id is required (at most 100 characters)", 400)
    if status not in CALLBACK_STATUSES:
        return _error(f"status must be one of: {', '.join(CALLBACK_STATUSES)}", 400)
    if not isinstance(message, str) or len(message) > 2000:
        return _error("message must be text of at most 2000 characters", 400)
    try:
        event, created = submissions.record_callback(
            backend, reference, status, message=message, event_id=str(event_id).strip()
        )
    except submissions.SubmissionNotFound:
        return _error("unknown reference", 404)
    return JsonResponse({"status": "recorded" if created else "duplicate", "event": event.pk})


@require_GET
def attachment_download(request, token):
    """A file of an application, for the back-end the application was sent to."""
    try:
        attachment = submissions.attachment_for_token(token)
    except signing.SignatureExpired:
        return _error("link expired", 410)
    except (signing.BadSignature, submissions.SubmissionNotFound):
        return _error("unknown file", 404)
    return attachment_response(attachment.file, attachment.download_name, attachment.content_type)
