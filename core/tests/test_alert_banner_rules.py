import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.tests.factories import AlertBannerFactory

pytestmark = pytest.mark.django_db


def test_alert_banner_must_end_after_it_starts(homes):
    now = timezone.now()
    banner = AlertBannerFactory.build(
        locale=homes.id.locale, starts_at=now, ends_at=now - timezone.timedelta(hours=1)
    )

    with pytest.raises(ValidationError) as error:
        banner.full_clean()

    assert "ends_at" in error.value.message_dict


def test_alert_banner_without_end_is_valid(homes):
    banner = AlertBannerFactory.build(locale=homes.id.locale, ends_at=None)
    banner.full_clean()
