import factory
import wagtail_factories
from django.utils import timezone

from core.models import AlertBanner, NavigationMenu, NavigationMenuItem


class AlertBannerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlertBanner

    message = factory.Sequence(lambda n: f"Pemberitahuan {n}")
    severity = AlertBanner.ANNOUNCEMENT
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NavigationMenu

    slot = NavigationMenu.MAIN


class NavigationMenuItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NavigationMenuItem

    menu = factory.SubFactory(NavigationMenuFactory)


class ImageFactory(wagtail_factories.ImageFactory):
    pass


class DocumentFactory(wagtail_factories.DocumentFactory):
    pass
