"""Lock-out after repeated failed sign-ins, per user name and per client address.

Failures are counted in the cache from Django's ``user_login_failed`` signal
(sent by every login form that calls ``authenticate``). After
SECURITY_LOGIN_MAX_FAILURES failures within SECURITY_LOGIN_LOCKOUT_SECONDS,
that user name, and that address, are locked for SECURITY_LOGIN_LOCKOUT_SECONDS:
``LoginLockoutMiddleware`` refuses sign-in attempts, even with the right
password, until the period ends. Keys are keyed hashes: neither the user name
nor the address is stored in the clear.
"""

import math
import time

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.utils.translation import ngettext

from core.crypto import keyed_hash
from core.publicforms import client_fingerprint

from . import conf

PREFIX = "security:login"


def now():
    return time.time()


def _subjects(request, username):
    subjects = []
    if username:
        subjects.append("user:" + keyed_hash("login-user:" + username.strip().lower()))
    if request is not None:
        subjects.append("addr:" + client_fingerprint(request))
    return subjects


def _count_key(subject):
    return f"{PREFIX}:failures:{subject}"


def _lock_key(subject):
    return f"{PREFIX}:locked:{subject}"


def locked_until(request, username):
    """The time (seconds since the epoch) the lock ends, or None when not locked."""
    current = now()
    ends = [cache.get(_lock_key(subject)) for subject in _subjects(request, username)]
    ends = [end for end in ends if end and end > current]
    return max(ends) if ends else None


def record_failure(request, username):
    period = conf.get("LOGIN_LOCKOUT_SECONDS")
    limit = conf.get("LOGIN_MAX_FAILURES")
    for subject in _subjects(request, username):
        key = _count_key(subject)
        cache.add(key, 0, timeout=period)
        try:
            failures = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period)
            failures = 1
        if failures >= limit:
            # The stored end is checked against the clock, so the lock ends on
            # time whatever the cache does with the extra minute.
            cache.set(_lock_key(subject), now() + period, timeout=period + 60)
            cache.delete(key)


def clear(request, username):
    """A successful sign-in forgets the user name's failures (the address keeps its own)."""
    for subject in _subjects(None, username):
        cache.delete(_count_key(subject))


def lockout_message(until):
    minutes = max(1, math.ceil((until - now()) / 60))
    return ngettext(
        "Too many failed sign-in attempts. Signing in is locked for %(minutes)d minute; "
        "try again after that.",
        "Too many failed sign-in attempts. Signing in is locked for %(minutes)d minutes; "
        "try again after that.",
        minutes,
    ) % {"minutes": minutes}


def _on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username") or credentials.get("email") or ""
    record_failure(request, username)


def _on_logged_in(sender, request, user, **kwargs):
    clear(request, user.get_username())


def connect_signals():
    user_login_failed.connect(_on_login_failed, dispatch_uid="security.lockout.failed")
    user_logged_in.connect(_on_logged_in, dispatch_uid="security.lockout.logged_in")
