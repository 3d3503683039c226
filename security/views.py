"""Two-factor set-up and verification for the admins (TOTP, django-otp)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from .forms import TokenForm
from .totp import config_url, confirmed_device, pending_device, secret


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
def setup(request):
    """Shows the secret of a new device; a first correct code confirms it."""
    if confirmed_device(request.user):
        return redirect(f"{reverse('security_2fa_verify')}?{request.GET.urlencode()}")
    device = pending_device(request.user)

    def check(token):
        return device if device.verify_token(token) else None

    form = TokenForm(request.POST or None, check=check)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-step verification is set up."))
        return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "security/setup.html",
        {
            "form": form,
            "secret": secret(device),
            "config_url": config_url(device),
            "next": _next_url(request),
        },
    )


@never_cache
def verify(request):
    """Asks for the current code of the user's confirmed device."""
    if confirmed_device(request.user) is None:
        return redirect(f"{reverse('security_2fa_setup')}?{request.GET.urlencode()}")

    def check(token):
        with transaction.atomic():
            device = confirmed_device(request.user, for_update=True)
            return device if device.verify_token(token) else None

    form = TokenForm(request.POST or None, check=check)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(_next_url(request))
    return TemplateResponse(request, "security/verify.html", {"form": form, "next": _next_url(request)})
