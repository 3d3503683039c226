"""TOTP devices (django-otp) of admin users."""

from base64 import b32encode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


def needs_two_factor(user):
    """Anyone who may use an admin: staff, superusers, Wagtail admin access."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def confirmed_device(user, for_update=False):
    devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
    if for_update:
        devices = devices.select_for_update()
    return devices.order_by("pk").first()


def pending_device(user):
    """The unconfirmed device being set up, created on first use."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret(device):
    """The base32 secret an authenticator app asks for when typed in by hand."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def config_url(device):
    """otpauth:// URI (what a QR code would carry); the issuer is settings.OTP_TOTP_ISSUER."""
    return device.config_url


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
