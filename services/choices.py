"""The fixed vocabularies of the service directory.

Values are stable codes, the same in every language (they appear in the
directory's query string); labels are interface strings in the reader's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who a service is for (Perwali 44/2016, Article 5(4): G2C, G2B, G2G)."""

    CITIZENS = "g2c", _("Citizens and job seekers")
    BUSINESSES = "g2b", _("Employers and businesses")
    INSTITUTIONS = "g2g", _("Government institutions")


#: Each audience is a boolean field of ServicePage, so that a service can serve
#: several and the directory filters with a plain ``field=True`` lookup.
AUDIENCE_FIELDS = {
    Audience.CITIZENS: "for_citizens",
    Audience.BUSINESSES: "for_businesses",
    Audience.INSTITUTIONS: "for_institutions",
}

#: schema.org type of each audience in the GovernmentService data.
AUDIENCE_SCHEMA_TYPES = {
    Audience.CITIZENS: "PeopleAudience",
    Audience.BUSINESSES: "BusinessAudience",
    Audience.INSTITUTIONS: "Audience",
}


class Category(models.TextChoices):
    JOB_SEEKERS = "job-seekers", _("Job seekers and placement")
    TRAINING = "training", _("Training")
    INDUSTRIAL_RELATIONS = "industrial-relations", _("Industrial relations")
    COMPANY_OBLIGATIONS = "company-obligations", _("Company obligations")
    MIGRANT_WORKERS = "migrant-workers", _("Migrant workers")
    INFORMATION = "information", _("Information and complaints")


class HowToApply(models.TextChoices):
    """How a person acts on a service. The online form is the seam for the
    forms and submissions that come later."""

    ONLINE_FORM = "online_form", _("Online form")
    EXTERNAL = "external", _("External system")
    COUNTER = "counter", _("At the counter")


#: Colour of the status tag (components/status_tag.html) in listings.
HOW_TO_APPLY_TAG_KINDS = {
    HowToApply.ONLINE_FORM: "green",
    HowToApply.EXTERNAL: "blue",
    HowToApply.COUNTER: "grey",
}


class TimeUnit(models.TextChoices):
    MINUTES = "minutes", _("minutes")
    HOURS = "hours", _("hours")
    WORKING_DAYS = "working_days", _("working days")


class FieldKind(models.TextChoices):
    """The kinds of question an editor can put on a service's online form."""

    TEXT = "text", _("Short text")
    TEXTAREA = "textarea", _("Long text")
    EMAIL = "email", _("E-mail address")
    PHONE = "phone", _("Phone number")
    DATE = "date", _("Date")
    CHOICE = "choice", _("Choice from a list")
    NUMBER = "number", _("Whole number")
    NIK = "nik", _("Identity number (NIK)")
    FILE = "file", _("File upload")


class SubmissionStatus(models.TextChoices):
    """Where an application stands. The back-end reports every status but the first."""

    SUBMITTED = "submitted", _("Submitted")
    RECEIVED = "received", _("Received")
    IN_PROCESS = "in_process", _("In process")
    MORE_DOCUMENTS_NEEDED = "more_documents_needed", _("More documents needed")
    COMPLETED = "completed", _("Completed")
    REJECTED = "rejected", _("Rejected")


#: What a back-end may report in a status callback.
CALLBACK_STATUSES = [status for status in SubmissionStatus.values if status != SubmissionStatus.SUBMITTED]

#: Colour of the status tag (components/status_tag.html).
STATUS_TAG_KINDS = {
    SubmissionStatus.SUBMITTED: "grey",
    SubmissionStatus.RECEIVED: "blue",
    SubmissionStatus.IN_PROCESS: "blue",
    SubmissionStatus.MORE_DOCUMENTS_NEEDED: "yellow",
    SubmissionStatus.COMPLETED: "green",
    SubmissionStatus.REJECTED: "red",
}
