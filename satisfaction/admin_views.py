"""The satisfaction index report for editors: per service and period, with a CSV export."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .elements import ELEMENTS
from .models import SurveyResponse

VIEW_PERMISSION = "satisfaction.view_surveyresponse"


class PeriodForm(forms.Form):
    YEAR, QUARTER, CUSTOM = "year", "quarter", "custom"

    period = forms.ChoiceField(
        label=_("Period"),
        choices=[(YEAR, _("Year")), (QUARTER, _("Quarter")), (CUSTOM, _("From … to …"))],
        initial=YEAR,
        required=False,
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        choices=[
            (1, _("Q1 (January–March)")),
            (2, _("Q2 (April–June)")),
            (3, _("Q3 (July–September)")),
            (4, _("Q4 (October–December)")),
        ],
        coerce=int,
        required=False,
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("period") or self.YEAR
        today = timezone.localdate()
        year = cleaned.get("year") or today.year
        if period == self.QUARTER:
            quarter = cleaned.get("quarter") or (today.month - 1) // 3 + 1
            cleaned["start"], cleaned["end"] = services.quarter_bounds(year, quarter)
        elif period == self.CUSTOM:
            start, end = cleaned.get("date_from"), cleaned.get("date_to")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates of the period."))
            if start > end:
                raise forms.ValidationError(_("The first date must not be after the last date."))
            cleaned["start"], cleaned["end"] = start, end
        else:
            cleaned["start"], cleaned["end"] = services.year_bounds(year)
        return cleaned


def period_from(params):
    """``(form, start, end)``: the chosen period, or this year when the choice is not valid."""
    form = PeriodForm(params or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    today = timezone.localdate()
    start, end = services.year_bounds(today.year)
    return form, start, end


class PermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def report_data(start, end):
    return {
        "start": start,
        "end": end,
        "elements": ELEMENTS,
        "rows": services.ikm_by_service(start, end),
        "overall": services.ikm(SurveyResponse.objects.in_period(start, end)),
    }


class SatisfactionReportView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "satisfaction/admin/report.html"
    page_title = _("Satisfaction index (IKM)")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("satisfaction_report"), "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, start, end = period_from(self.request.GET)
        context.update(report_data(start, end), form=form, query=self.request.GET.urlencode())
        return context


def _number(value):
    return "" if value is None else f"{value:.2f}"


def report_csv(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    _form, start, end = period_from(request.GET)
    data = report_data(start, end)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ikm_{start:%Y%m%d}_{end:%Y%m%d}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # spreadsheet programs then read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [gettext("Service"), gettext("From"), gettext("To"), gettext("Responses")]
        + [f"U{element.number} {element.name}" for element in ELEMENTS]
        + [gettext("IKM"), gettext("Grade"), gettext("Quality")]
    )

    def row(title, result):
        return (
            [_safe(title), start.isoformat(), end.isoformat(), result.count]
            + [_number(mean.mean) for mean in result.means]
            + [_number(result.index), result.grade or "", result.grade_label]
        )

    for item in data["rows"]:
        writer.writerow(row(item.title, item.result))
    writer.writerow(row(gettext("Whole office"), data["overall"]))
    return response


def _safe(text):
    """A cell a spreadsheet never runs as a formula."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
