"""Which divisions' tickets, questions and applications a user may see.

``division_ids_for(user)``:

* ``None`` means every division: superusers and anyone with the permission
  ``governance.see_all_divisions`` (the administrators group has it);
* otherwise a frozenset of ``offices.Division`` ids, every language of each
  division whose editors or moderators group the user belongs to (often empty).

Admin views use ``scope_queryset`` on their index querysets and
``can_see_division`` on detail and action views. Records without a division
are for the administrators only.
"""

from django.db.models import Q

from .models import DivisionRoles

SEE_ALL_PERMISSION = "governance.see_all_divisions"


def division_ids_for(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser or user.has_perm(SEE_ALL_PERMISSION):
        return None
    from offices.models import Division

    keys = (
        DivisionRoles.objects.filter(Q(editors__user=user) | Q(moderators__user=user))
        .values("division__translation_key")
        .distinct()
    )
    return frozenset(Division.objects.filter(translation_key__in=keys).values_list("pk", flat=True))


def scope_queryset(queryset, user, *division_fields):
    """``queryset`` narrowed to rows whose ``division_fields`` (any of them) is one of the user's."""
    ids = division_ids_for(user)
    if ids is None:
        return queryset
    if not ids or not division_fields:
        return queryset.none()
    condition = Q()
    for name in division_fields:
        condition |= Q(**{f"{name}__in": ids})
    return queryset.filter(condition)


def can_see_division(user, *division_ids):
    """True when ``user`` may see a record belonging to any of ``division_ids``."""
    ids = division_ids_for(user)
    if ids is None:
        return True
    return any(division_id in ids for division_id in division_ids if division_id is not None)
