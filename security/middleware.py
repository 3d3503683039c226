"""HTTP security headers, two-factor enforcement for the admins, login lock-out, idle sessions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from . import conf, lockout
from .csp import build_policy, is_admin_path
from .totp import confirmed_device, needs_two_factor


class SecurityHeadersMiddleware:
    """Content-Security-Policy (strict on public pages, looser under the admins),
    Permissions-Policy, Cross-Origin-Opener-Policy and Referrer-Policy.

    A header a view has already set is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin = is_admin_path(request.path, conf.get("ADMIN_PATH_PREFIXES"))
        policy = build_policy(conf.get("CSP_ADMIN") if admin else conf.get("CSP_PUBLIC"))
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        for header, name in (
            ("Permissions-Policy", "PERMISSIONS_POLICY"),
            ("Cross-Origin-Opener-Policy", "CROSS_ORIGIN_OPENER_POLICY"),
            ("Referrer-Policy", "REFERRER_POLICY"),
        ):
            value = conf.get(name)
            if value:
                response.headers.setdefault(header, value)
        return response


class LoginLockoutMiddleware:
    """Refuses sign-in attempts (POST to the login pages) while the user name or the
    client address is locked, with a message shown on the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path in conf.get("LOGIN_PATHS"):
            until = lockout.locked_until(request, request.POST.get("username", ""))
            if until:
                messages.error(request, lockout.lockout_message(until))
                return HttpResponseRedirect(request.get_full_path())
        return self.get_response(request)


SESSION_LAST_SEEN = "security_last_seen"


class IdleSessionMiddleware:
    """Signs out a user who made no request for SECURITY_SESSION_IDLE_SECONDS.
    Must come after AuthenticationMiddleware."""

    # The session is written at most once a minute, not on every request.
    RESOLUTION = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        idle = conf.get("SESSION_IDLE_SECONDS")
        # Without a session cookie nobody is signed in; asking request.user would
        # touch the session and add "Vary: Cookie" to every anonymous answer.
        if idle and settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            current = int(lockout.now())
            last_seen = request.session.get(SESSION_LAST_SEEN)
            if last_seen and current - last_seen > idle:
                logout(request)
                messages.info(request, _("You were signed out after a period without activity."))
            elif not last_seen or current - last_seen >= self.RESOLUTION:
                request.session[SESSION_LAST_SEEN] = current
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Under the admins, a signed-in staff user who has not confirmed a TOTP code in
    this session goes to the verify page, or, without a device yet, to the set-up page.
    Must come after django_otp.middleware.OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if conf.get("TWO_FACTOR_REQUIRED") and self._applies(request):
            user = request.user
            if needs_two_factor(user) and not user.is_verified():
                name = "security_2fa_verify" if confirmed_device(user) else "security_2fa_setup"
                return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': self._next(request)})}")
        return self.get_response(request)

    @staticmethod
    def _applies(request):
        path = request.path
        if not is_admin_path(path, conf.get("ADMIN_PATH_PREFIXES")):
            return False
        exempt = [
            *conf.get("TWO_FACTOR_EXEMPT_PATHS"),
            reverse("security_2fa_setup"),
            reverse("security_2fa_verify"),
        ]
        return not any(path.startswith(prefix) for prefix in exempt)

    @staticmethod
    def _next(request):
        target = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            return reverse("wagtailadmin_home")
        return target
