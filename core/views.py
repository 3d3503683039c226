from types import SimpleNamespace

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.blocks import StreamBlock
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from core.blocks import BodyBlock
from core.models import OpeningHoursBlock
from core.publicforms import PublicForm


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The styled 404, in the language of the URL the visitor asked for."""
    return render(request, "404.html", {"request_path": request.path}, status=404)


def server_error(request):
    """The 500 page must render even when the database is what failed, so its
    template touches no model and no context processor."""
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))


# The style guide: every component of templates/components/ and every body
# block, rendered with sample content, for editors and developers.


class StyleguideForm(PublicForm):
    """A sample public form shown with errors: fields, hints, consent and the error summary."""

    full_name = forms.CharField(label=_("Full name"), help_text=_("As written on your identity card (KTP)."))
    email = forms.EmailField(label=_("E-mail"), required=False)
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("card", _("Job-seeker card")), ("training", _("Training"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(label=_("Message"), widget=forms.Textarea)


def can_see_styleguide(user):
    return user.is_active and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def _sample_body(paragraph):
    blocks = [
        {"type": "heading", "value": {"text": _("Requirements"), "level": "h2"}},
        {"type": "paragraph", "value": paragraph},
        {
            "type": "table",
            "value": {
                "caption": _("Trades and length of training"),
                "table": {
                    "data": [
                        [_("Trade"), _("Length (hours)")],
                        [_("Electric welding"), "240"],
                        [_("Sewing"), "200"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        },
    ]
    for kind in ("info", "warning", "success"):
        blocks.append(
            {"type": "callout", "value": {"kind": kind, "title": _("Free of charge"), "text": paragraph}}
        )
    image = get_image_model().objects.order_by("pk").first()
    if image is not None:
        blocks.append(
            {"type": "image", "value": {"image": image.pk, "alt_text": image.title, "caption": image.title}}
        )
    return BodyBlock().to_python(blocks)


def _styleguide_context():
    paragraph = "<p>{}</p>".format(_("The job-seeker card is free of charge and valid for two years."))
    started = StyleguideForm().initial["started"]
    form = StyleguideForm(
        data={"full_name": "", "email": "not-an-address", "message": _("Hello"), "started": started}
    )
    form.is_valid()
    hours = StreamBlock([("hours", OpeningHoursBlock())]).to_python(
        [
            {
                "type": "hours",
                "value": {"first_day": first, "last_day": last, "opens": "08:00", "closes": closes},
            }
            for first, last, closes in [("0", "3", "16:00"), ("4", "4", "16:30")]
        ]
    )
    document = SimpleNamespace(
        url="#", title=_("Mayor Regulation No. 44 of 2016"), file_extension="pdf", get_file_size=482_304
    )
    home = Page.objects.filter(depth=2, locale=Locale.get_active()).live().first()
    return {
        "form": form,
        "page_obj": Paginator(range(200), 10).page(5),
        "hours": hours,
        "body": _sample_body(paragraph),
        "now": timezone.now(),
        "crumbs_page": SimpleNamespace(title=_("Style guide"), get_breadcrumbs=[home]) if home else None,
        "steps": [
            {"title": _("Create a SIAPkerja account"), "text": paragraph},
            {"title": _("Come to the counter"), "text": ""},
        ],
        "accordion_items": [
            {"title": _("Who must report?"), "content": paragraph},
            {"title": _("When do I report?"), "content": paragraph},
        ],
        "document_block": {"title": "", "document": document},
        "tags": [
            ("grey", _("Closed")),
            ("blue", _("News")),
            ("green", _("Open")),
            ("yellow", _("Announcement")),
            ("red", _("Urgent")),
        ],
        "banner_text": _("Services are closed on national holidays."),
        "banners": [
            ("urgent", "alert", _("Urgent")),
            ("warning", "status", _("Warning")),
            ("announcement", "region", _("Announcement")),
            ("success", "status", _("Good to know")),
        ],
    }


def styleguide(request):
    """Staff only: anonymous visitors go to the admin login, other users get a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not can_see_styleguide(request.user):
        raise PermissionDenied
    return render(request, "core/styleguide.html", _styleguide_context())
