import factory
from django.contrib.auth import get_user_model

PASSWORD = "a-long-enough-password-1"


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    is_staff = True
    is_superuser = True
    password = factory.django.Password(PASSWORD)


def totp_device(user, confirmed=True):
    return user.totpdevice_set.create(name="authenticator", confirmed=confirmed)
