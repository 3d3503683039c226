"""The outbox: every outgoing message, and every attempt to deliver it.

Only ``OutboxMessage.payload`` may hold personal data. Every other field (kind,
destination, errors, references) is metadata that is safe to show in the admin
and to write to logs.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedTextField

BACKEND_DESTINATION_PREFIX = "backend:"


def new_idempotency_key():
    return str(uuid.uuid4())


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERING = "delivering", _("Delivering")
        DELIVERED = "delivered", _("Delivered")
        DEAD = "dead", _("Dead letter")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    destination = models.CharField(
        _("destination"), max_length=50, help_text=_("A key of INTEGRATION_DESTINATIONS.")
    )
    kind = models.CharField(
        _("kind"), max_length=100, help_text=_("What the message is, e.g. submission.created.")
    )
    payload = models.JSONField(_("payload"), encoder=DjangoJSONEncoder)
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, default=new_idempotency_key, editable=False
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True, default=timezone.now)
    #: The lease a worker holds while delivering; a lease older than
    #: INTEGRATION_LEASE_SECONDS is taken back (the worker died or hung).
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    #: The record this message belongs to, e.g. ("services.submission", "42").
    reference_type = models.CharField(_("reference type"), max_length=100, blank=True)
    reference_id = models.CharField(_("reference id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
            models.Index(fields=["reference_type", "reference_id"], name="outbox_reference_idx"),
        ]
        permissions = [("retry_outboxmessage", "Can retry a dead outbox message")]

    def __str__(self):
        return f"{self.kind} → {self.destination}"


class DeliveryAttempt(models.Model):
    """One try, recorded when it ends (a lost one when its lease is taken back)."""

    class Outcome(models.TextChoices):
        DELIVERED = "delivered", _("Delivered")
        TEMPORARY_FAILURE = "temporary_failure", _("Temporary failure")
        PERMANENT_FAILURE = "permanent_failure", _("Permanent failure")
        LEASE_EXPIRED = "lease_expired", _("Lease expired")

    message = models.ForeignKey(
        OutboxMessage, on_delete=models.CASCADE, related_name="delivery_attempts", verbose_name=_("message")
    )
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ["started_at"]

    def __str__(self):
        return f"{self.message_id} {self.started_at:%Y-%m-%d %H:%M:%S} {self.outcome}"


class DevReceivedMessage(models.Model):
    """What the development back-end received (only ever written when it is mounted)."""

    destination = models.CharField(max_length=50)
    idempotency_key = models.CharField(max_length=64)
    kind = models.CharField(max_length=100, blank=True)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    duplicates = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("message received by the development back-end")
        constraints = [
            models.UniqueConstraint(fields=["destination", "idempotency_key"], name="dev_backend_unique_key")
        ]

    def __str__(self):
        return f"{self.destination} {self.idempotency_key}"


class TransactionBackend(models.Model):
    """A service's transaction back-end, managed in the admin: where its
    submissions go and the secret both sides sign with."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Names the back-end in its callback address: /services/callbacks/<slug>/."),
    )
    endpoint_url = models.URLField(_("endpoint URL"), max_length=500)
    signing_secret = EncryptedTextField(
        _("signing secret"),
        help_text=_(
            "Shared with the back-end: signs what we send and what it sends back. At least 32 characters."
        ),
    )
    timeout_seconds = models.PositiveSmallIntegerField(
        _("timeout (seconds)"),
        default=10,
        help_text=_("How long to wait for an answer before trying again later."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("While inactive, submissions are kept and sent when it is active again."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("transaction back-end")
        verbose_name_plural = _("transaction back-ends")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.signing_secret and len(self.signing_secret) < 32:
            raise ValidationError({"signing_secret": _("Use at least 32 characters.")})

    @property
    def destination(self):
        """The outbox destination name of this back-end."""
        return f"{BACKEND_DESTINATION_PREFIX}{self.slug}"

    def adapter_options(self):
        return {
            "ADAPTER": "integrations.adapters.HttpJsonAdapter",
            "URL": self.endpoint_url,
            "SECRET": self.signing_secret,
            "TIMEOUT": float(self.timeout_seconds),
            "CONNECT_TIMEOUT": float(min(self.timeout_seconds, 5)),
            "ACTIVE": self.active,
        }
