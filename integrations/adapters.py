"""Adapters move one outbox message to its destination and say how it went.

An adapter is chosen per destination by settings::

    INTEGRATION_DESTINATIONS = {
        "services": {"ADAPTER": "integrations.adapters.HttpJsonAdapter", "URL": ..., "SECRET": ...},
        "email": {"ADAPTER": "integrations.adapters.EmailAdapter"},
    }

``send(message)`` returns a ``SendResult``; it must never log or return the
payload, and its ``error`` text is metadata only (no response bodies, no
e-mail addresses).
"""

import http.client
import json
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.module_loading import import_string

from .signing import signature_headers

logger = logging.getLogger(__name__)

DELIVERED = "delivered"
RETRY = "retry"
REJECT = "reject"

#: Statuses that may succeed if sent again later. 409 is what an
#: Idempotency-Key server answers while the same key is still being processed.
RETRYABLE_STATUSES = {408, 409, 425, 429}


@dataclass(frozen=True)
class SendResult:
    outcome: str  # DELIVERED, RETRY or REJECT
    http_status: int | None = None
    error: str = ""
    #: Seconds the destination asked us to wait (Retry-After), if any.
    retry_after: float | None = None


class UnknownDestination(ImproperlyConfigured):
    pass


def destination_options(name):
    """The options of a destination: from settings, or for "backend:<slug>"
    from the TransactionBackend record managed in the admin."""
    from .models import BACKEND_DESTINATION_PREFIX, TransactionBackend

    if name.startswith(BACKEND_DESTINATION_PREFIX):
        backend = TransactionBackend.objects.filter(slug=name[len(BACKEND_DESTINATION_PREFIX) :]).first()
        if backend is None:
            raise UnknownDestination(f"No transaction back-end named {name!r} exists.")
        return backend.adapter_options()
    destinations = getattr(settings, "INTEGRATION_DESTINATIONS", {})
    if name not in destinations:
        raise UnknownDestination(f"No integration destination named {name!r} is configured.")
    return destinations[name]


def get_adapter(name):
    options = destination_options(name)
    if not options.get("ACTIVE", True):
        return InactiveDestination(name, options)
    adapter_class = import_string(options.get("ADAPTER", "integrations.adapters.HttpJsonAdapter"))
    return adapter_class(name, options)


def classify_status(status):
    """2xx delivered; 4xx other than 408/409/425/429 rejected (sending again
    cannot help); everything else (5xx, the retryable 4xx, an unfollowed
    redirect) is worth another try."""
    if 200 <= status < 300:
        return DELIVERED
    if 400 <= status < 500 and status not in RETRYABLE_STATUSES:
        return REJECT
    return RETRY


def parse_retry_after(value):
    """Retry-After in seconds (the delta-seconds form only), or None."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds >= 0 else None


class Adapter:
    """The interface: built from the destination name and its settings."""

    def __init__(self, name, options):
        self.name = name
        self.options = options

    def send(self, message):
        raise NotImplementedError


class HttpJsonAdapter(Adapter):
    """POSTs the payload as JSON, signed, with the message's Idempotency-Key.

    Uses http.client directly: it never follows redirects (a 3xx is a failed
    attempt), and the connect and read timeouts are separate. Options: URL,
    SECRET, TIMEOUT (read, seconds), CONNECT_TIMEOUT, HEADERS (extra static
    headers, e.g. an API token).
    """

    user_agent = "disnaker-outbox/1"
    max_response_bytes = 64 * 1024

    def __init__(self, name, options):
        super().__init__(name, options)
        self.url = options.get("URL") or ""
        self.secret = options.get("SECRET") or ""
        self.read_timeout = float(options.get("TIMEOUT") or 10)
        self.connect_timeout = float(options.get("CONNECT_TIMEOUT") or min(self.read_timeout, 5))
        parts = urlsplit(self.url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ImproperlyConfigured(f"Destination {name!r} needs an http(s) URL.")
        if not self.secret:
            raise ImproperlyConfigured(f"Destination {name!r} needs a SECRET to sign with.")
        self.parts = parts

    def encode(self, message):
        return json.dumps(
            message.payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")

    def headers(self, message, body):
        return {
            **self.options.get("HEADERS", {}),
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "User-Agent": self.user_agent,
            "Idempotency-Key": message.idempotency_key,
            "X-Message-Id": str(message.pk),
            "X-Message-Kind": message.kind,
            **signature_headers(self.secret, body),
        }

    def connection(self):
        host, port = self.parts.hostname, self.parts.port
        if self.parts.scheme == "https":
            return http.client.HTTPSConnection(
                host, port, timeout=self.connect_timeout, context=ssl.create_default_context()
            )
        return http.client.HTTPConnection(host, port, timeout=self.connect_timeout)

    def send(self, message):
        body = self.encode(message)
        path = (self.parts.path or "/") + (f"?{self.parts.query}" if self.parts.query else "")
        conn = self.connection()
        try:
            conn.connect()
            conn.sock.settimeout(self.read_timeout)
            conn.request("POST", path, body=body, headers=self.headers(message, body))
            response = conn.getresponse()
            response.read(self.max_response_bytes)  # drained, never kept: it may echo the payload
            status = response.status
            retry_after = parse_retry_after(response.getheader("Retry-After"))
        except TimeoutError:
            return SendResult(RETRY, error="timeout")
        except (OSError, http.client.HTTPException) as exc:
            return SendResult(RETRY, error=f"connection error: {type(exc).__name__}")
        finally:
            conn.close()
        outcome = classify_status(status)
        if outcome == DELIVERED:
            return SendResult(DELIVERED, http_status=status)
        error = f"HTTP {status}"
        if 300 <= status < 400:
            error += " (redirect not followed)"
        return SendResult(outcome, http_status=status, error=error, retry_after=retry_after)


class EmailAdapter(Adapter):
    """Sends an e-mail the caller prepared, through Django's mail API.

    Payload: ``{"to": [...], "subject": "...", "body": "...", "html": "..." (optional),
    "reply_to": [...] (optional), "from_email": "..." (optional)}``. The
    message's idempotency key becomes the Message-ID, so a receiving system can
    recognise a re-sent copy. Option: TIMEOUT (seconds).
    """

    def send(self, message):
        payload = message.payload if isinstance(message.payload, dict) else {}
        to = payload.get("to")
        if isinstance(to, str):
            to = [to]
        subject, body = payload.get("subject"), payload.get("body")
        if not to or not all(isinstance(a, str) for a in to) or not isinstance(subject, str) or not body:
            return SendResult(REJECT, error="invalid e-mail payload")
        from_email = payload.get("from_email") or settings.DEFAULT_FROM_EMAIL
        domain = parseaddr(from_email)[1].rpartition("@")[2] or "localhost"
        email = EmailMultiAlternatives(
            subject=subject.replace("\n", " ").strip(),
            body=body,
            from_email=from_email,
            to=to,
            reply_to=payload.get("reply_to") or None,
            headers={"Message-ID": f"<{message.idempotency_key}@{domain}>"},
            connection=get_connection(timeout=self.options.get("TIMEOUT") or 10),
        )
        if payload.get("html"):
            email.attach_alternative(payload["html"], "text/html")
        try:
            email.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused:
            return SendResult(REJECT, error="SMTP: all recipients refused")
        except smtplib.SMTPResponseException as exc:
            outcome = REJECT if 500 <= exc.smtp_code < 600 else RETRY
            return SendResult(outcome, error=f"SMTP {exc.smtp_code}")
        except TimeoutError:
            return SendResult(RETRY, error="timeout")
        except (OSError, smtplib.SMTPException) as exc:
            return SendResult(RETRY, error=f"SMTP error: {type(exc).__name__}")
        return SendResult(DELIVERED)


class LoggingAdapter(Adapter):
    """A stand-in for a destination that is not configured yet: it logs the
    message id and kind (never the payload) and counts it as delivered.
    ``manage.py check --deploy`` warns when a destination uses it."""

    def send(self, message):
        logger.info(
            "Outbox message %s (%s) for %s taken by the logging stand-in",
            message.pk,
            message.kind,
            self.name,
        )
        return SendResult(DELIVERED)


class InactiveDestination(Adapter):
    """A back-end switched off in the admin: its messages wait and are tried
    again later, so nothing is lost while it is off."""

    def send(self, message):
        return SendResult(RETRY, error="back-end inactive")
