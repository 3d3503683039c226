"""What every public form shares: abuse protection and consent.

No third-party captcha: a honeypot field people never see, a signed start time
(a form sent faster than a person can fill it, or replayed a day later, is
refused) and a per-address rate limit. The limit and the message that names it
come from one setting, PUBLIC_FORM_RATE_LIMITS. Addresses are kept only as
keyed hashes, and only in the cache.
"""

import threading
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .cache import CacheUnavailable
from .crypto import keyed_hash

GUARD_FIELDS = ("website", "started", "consent")
_SIGNER_SALT = "core.publicforms.started"


class GuardInput(forms.HiddenInput):
    pass


class PublicForm(forms.Form):
    """Base of every form the public sends. Render the guard fields with
    ``{% include "components/public_form_guard.html" %}`` and, when
    ``requires_consent``, the ``consent`` field like any other."""

    requires_consent = True
    #: Refuse a form sent faster than a person fills it or long after it was
    #: shown. Off only for a form whose markup is cached or that is one click.
    requires_start_time = True

    #: Bots fill every field; people never see this one (hidden by CSS and
    #: from assistive technology).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=GuardInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # A re-shown form keeps its first start time.
            self.initial["started"] = self.data.get(self.add_prefix("started"), "")
        elif self.requires_start_time:
            self.initial.setdefault("started", signing.dumps(time.time(), salt=_SIGNER_SALT))
        if self.requires_consent:
            self.fields["consent"] = forms.BooleanField(
                label=_(
                    "I have read the privacy notice and agree that the office uses my data to handle this."
                ),
                required=True,
                error_messages={
                    "required": _("Tick the box to agree to the privacy notice, or we cannot accept this.")
                },
            )

    @property
    def visible_fields_for_display(self):
        return [field for field in self.visible_fields() if field.name not in GUARD_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _(
                    "We could not accept this form. If you are a person, empty the hidden field "
                    "and try again."
                ),
                code="honeypot",
            )
        if self.requires_start_time:
            self._check_started(self.data.get(self.add_prefix("started"), ""))
        return cleaned

    def _check_started(self, token):
        max_age = getattr(settings, "PUBLIC_FORM_MAX_AGE_SECONDS", 24 * 3600)
        try:
            started = float(signing.loads(token, salt=_SIGNER_SALT, max_age=max_age))
            if time.time() - started > max_age:
                raise ValueError("stale")
        except (signing.BadSignature, TypeError, ValueError):
            # Reset the start so the form re-shown with this error can be sent.
            self.initial["started"] = signing.dumps(time.time(), salt=_SIGNER_SALT)
            raise forms.ValidationError(
                _("This form was open too long or was changed. Please check your answers and send it again."),
                code="expired",
            ) from None
        if time.time() - started < getattr(settings, "PUBLIC_FORM_MIN_SECONDS", 3):
            raise forms.ValidationError(
                _(
                    "That was quicker than a person can fill in the form. Please check your answers "
                    "and send again."
                ),
                code="too_fast",
            )


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or the entry TRUSTED_PROXY_COUNT
    proxies from the end of X-Forwarded-For (earlier entries can be forged)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_fingerprint(request):
    """A keyed hash of the visitor's address: stable, not reversible."""
    return keyed_hash("client:" + client_address(request))


@dataclass(frozen=True)
class RateLimitResult:
    exceeded: bool
    message: str = ""
    retry_after: int = 0


def rate_limit_for(scope):
    limits = getattr(settings, "PUBLIC_FORM_RATE_LIMITS", {})
    return limits.get(scope) or limits.get("default") or (20, 3600)


#: Counters kept in this process while the shared cache is unreachable, at most (the
#: oldest go first): a flood from more addresses than this is left to nginx's limits.
MAX_LOCAL_COUNTERS = 10_000


class _LocalCounters:
    """Fixed-window counters in this process's memory, for while the shared cache cannot
    count: each limit then holds per process (at most as many times the limit as the site
    has processes) instead of not at all."""

    def __init__(self):
        self._counts = {}  # key: [hits, end of its window]; insertion order is age
        self._lock = threading.Lock()

    def incr(self, key, until):
        now = time.time()
        with self._lock:
            counts = self._counts
            while counts and next(iter(counts.values()))[1] <= now:  # oldest first: ended windows
                del counts[next(iter(counts))]
            if key not in counts:
                while len(counts) >= MAX_LOCAL_COUNTERS:
                    del counts[next(iter(counts))]
                counts[key] = [0, until]
            counts[key][0] += 1
            return counts[key][0]

    def __len__(self):
        return len(self._counts)

    def clear(self):
        with self._lock:
            self._counts.clear()


_local_counters = _LocalCounters()


def forget_local_counts():
    """Drop this process's counters (tests: each starts with none)."""
    _local_counters.clear()


def rate_limit(request, scope):
    """Count one request from this visitor in ``scope``; say whether it is
    over the limit (fixed window) and, if so, how long to wait."""
    max_hits, window = rate_limit_for(scope)
    now = int(time.time())
    window_start = now - now % window
    key = f"ratelimit:{scope}:{client_fingerprint(request)}:{window_start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        hits = cache.incr(key)
    except CacheUnavailable:
        hits = _local_counters.incr(key, until=window_start + window)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 1)
        hits = 1
    if hits <= max_hits:
        return RateLimitResult(False)
    wait = max(window_start + window - now, 1)
    # ops.limits.RequestLimitsMiddleware puts it in the 429's Retry-After header.
    request.rate_limit_retry_after = wait
    minutes = max((wait + 59) // 60, 1)
    message = ngettext(
        "You have sent this form too many times. Please wait %(minutes)d minute and try again.",
        "You have sent this form too many times. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
    return RateLimitResult(True, message, wait)
