"""For other apps' tests: sign a staff user in with a verified TOTP device, so the
admin opens when SECURITY_TWO_FACTOR_REQUIRED is on."""

from django_otp import DEVICE_ID_SESSION_KEY

from .totp import DEVICE_NAME, confirmed_device


def login_verified(client, user):
    device = confirmed_device(user) or user.totpdevice_set.create(name=DEVICE_NAME, confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
