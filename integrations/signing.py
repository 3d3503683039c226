"""HMAC-SHA256 signatures for outgoing calls and incoming callbacks.

The signed message is ``<timestamp>.<body>``: the Unix time in whole seconds,
a dot, then the exact request body bytes. The signature is the lowercase hex
HMAC-SHA256 of that message with the shared secret. Senders put the two in the
``X-Signature-Timestamp`` and ``X-Signature`` headers; receivers recompute it
and reject a timestamp outside the allowed window (a replayed request).
"""

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Signature-Timestamp"
SIGNATURE_HEADER = "X-Signature"


def _bytes(value):
    return value.encode() if isinstance(value, str) else bytes(value)


def sign(secret, timestamp, body):
    """The hex signature of ``body`` sent at ``timestamp`` (Unix seconds)."""
    if not secret:
        raise ValueError("Refusing to sign with an empty secret.")
    message = _bytes(str(int(timestamp))) + b"." + _bytes(body)
    return hmac.new(_bytes(secret), message, hashlib.sha256).hexdigest()


def verify(secret, timestamp, body, signature, *, max_age, now=None):
    """True when ``signature`` is right for ``body`` and ``timestamp`` is within
    ``max_age`` seconds of now (either side, to allow for clock skew)."""
    if not secret or not signature or timestamp is None:
        return False
    try:
        sent_at = int(str(timestamp).strip())
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > max_age:
        return False
    expected = sign(secret, sent_at, body)
    return hmac.compare_digest(expected.encode(), str(signature).strip().lower().encode())


def signature_headers(secret, body, *, now=None):
    """The two headers that sign ``body``."""
    timestamp = int(time.time() if now is None else now)
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: sign(secret, timestamp, body)}


def verify_request(request, secret, *, max_age=None):
    """True when a Django request carries a valid signature of its raw body."""
    from django.conf import settings

    if max_age is None:
        max_age = getattr(settings, "INTEGRATION_SIGNATURE_MAX_AGE", 300)
    return verify(
        secret,
        request.headers.get(TIMESTAMP_HEADER),
        request.body,
        request.headers.get(SIGNATURE_HEADER),
        max_age=max_age,
    )
