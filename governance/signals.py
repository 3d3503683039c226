"""A section saved or deleted in the admin takes effect at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import DivisionSection
from .roles import sync_division_of


@receiver(post_save, sender=DivisionSection)
@receiver(post_delete, sender=DivisionSection)
def resync_division(sender, instance, **kwargs):
    from offices.models import Division

    division = Division.objects.filter(pk=instance.division_id).first()
    if division is not None:
        sync_division_of(division)
