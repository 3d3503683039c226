"""The fixed vocabularies of the library: types, statuses, relations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegulationType(models.TextChoices):
    """Types of regulation in the order of the hierarchy of legislation (Law 12/2011);
    decrees and circulars, which are not legislation, come last.

    The value is the Indonesian abbreviation; the label names the type in the
    reader's language and shows the abbreviation too.
    """

    UU = "UU", _("Law (UU)")
    PP = "PP", _("Government Regulation (PP)")
    PERPRES = "Perpres", _("Presidential Regulation (Perpres)")
    PERMEN = "Permen", _("Ministerial Regulation (Permen)")
    PERDA = "Perda", _("Regional Regulation (Perda)")
    PERWALI = "Perwali", _("Mayor Regulation (Perwali)")
    KEPWAL = "Kepwal", _("Mayor Decree (Kepwal)")
    SE = "SE", _("Circular (SE)")


#: The formal Indonesian name of each type: the language of the legal text.
INDONESIAN_NAMES = {
    RegulationType.UU: "Undang-Undang",
    RegulationType.PP: "Peraturan Pemerintah",
    RegulationType.PERPRES: "Peraturan Presiden",
    RegulationType.PERMEN: "Peraturan Menteri",
    RegulationType.PERDA: "Peraturan Daerah",
    RegulationType.PERWALI: "Peraturan Walikota",
    RegulationType.KEPWAL: "Keputusan Walikota",
    RegulationType.SE: "Surat Edaran",
}


class RegulationStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REVOKED = "revoked", _("Revoked")


#: Colour of the status tag (components/status_tag.html) and schema.org legal force.
STATUS_TAG_KINDS = {
    RegulationStatus.IN_FORCE: "green",
    RegulationStatus.AMENDED: "yellow",
    RegulationStatus.REVOKED: "red",
}
LEGAL_FORCE = {
    RegulationStatus.IN_FORCE: "https://schema.org/InForce",
    RegulationStatus.AMENDED: "https://schema.org/PartiallyInForce",
    RegulationStatus.REVOKED: "https://schema.org/NotInForce",
}


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("Amends")
    AMENDED_BY = "amended_by", _("Amended by")
    REVOKES = "revokes", _("Revokes")
    REVOKED_BY = "revoked_by", _("Revoked by")
    IMPLEMENTS = "implements", _("Implements")
    IMPLEMENTED_BY = "implemented_by", _("Implemented by")
    RELATED = "related", _("Related")
