"""Which part of the page tree each division runs, and which groups act for it.

A division's *sections* are the pages (with everything below them) its editors
and its head work on: ``DivisionSection`` rows, edited by administrators in the
admin (Settings → Division sections). ``manage.py setup_roles`` seeds them from
the service pages that name the division, and turns them into Wagtail page
permissions and an approval workflow (``governance.roles``).

``DivisionRoles`` remembers the groups, the image/document collection and the
workflow made for a division, so renaming a division or a group never makes
``setup_roles`` create a second set.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class DivisionSection(models.Model):
    division = models.ForeignKey(
        "offices.Division",
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("division"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="division_sections",
        verbose_name=_("section page"),
        help_text=_("The division's editors and head work on this page and every page below it."),
    )

    class Meta:
        verbose_name = _("division section")
        verbose_name_plural = _("division sections")
        ordering = ["division__sort_order", "page__path"]
        constraints = [
            models.UniqueConstraint(fields=["division", "page"], name="one_section_per_division_page")
        ]
        permissions = [
            (
                "see_all_divisions",
                _("Can see the tickets, questions and applications of every division"),
            )
        ]

    def __str__(self):
        return f"{self.division} – {self.page.get_admin_display_title()}"


class DivisionRoles(models.Model):
    division = models.OneToOneField(
        "offices.Division", on_delete=models.CASCADE, related_name="roles", verbose_name=_("division")
    )
    editors = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="editors_of", verbose_name=_("editors group")
    )
    moderators = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="moderators_of", verbose_name=_("moderators group")
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image and document collection"),
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approval workflow"),
    )

    class Meta:
        verbose_name = _("division roles")
        verbose_name_plural = _("division roles")

    def __str__(self):
        return str(self.division)
