"""Reports → Period report: the figures of one month, quarter or year, for the whole
office or one division, with charts, tables and PDF/XLSX/CSV downloads.

Who sees what: the permission ``reports.view_period_report`` (division heads and
administrators, ``governance.roles``), and within it the divisions of
``governance.scoping.division_ids_for``: a division head only their division(s);
administrators and superusers any division and the whole office. Asking for
another division's report is refused (403) on the page and on every download.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from governance.roles import canonical_divisions
from governance.scoping import division_ids_for

from .charts import bar_chart_svg
from .figures import build_report
from .formatting import format_value
from .periods import FORMAT_HELP, Period, PeriodError
from .report import file_stem

VIEW_PERMISSION = "reports.view_period_report"
#: The report language of the PDF: the office's official documents are in Indonesian.
PDF_LANGUAGE = "id"


def division_choices(user):
    """``(choices, whole_office_allowed)``: ``(code, name)`` of the divisions ``user``
    may report on, names in the active language."""
    from offices.models import Division

    ids = division_ids_for(user)
    divisions = [division for division in canonical_divisions() if ids is None or division.pk in ids]
    names = dict(
        Division.objects.filter(
            translation_key__in=[division.translation_key for division in divisions],
            locale__language_code=translation.get_language(),
        ).values_list("code", "name")
    )
    choices = [(division.code, names.get(division.code, division.name)) for division in divisions]
    return choices, ids is None


def division_in(code, language):
    """The division with ``code`` in ``language`` when translated, else in any language."""
    from offices.models import Division

    if not code:
        return None
    found = list(Division.objects.filter(code=code).select_related("locale"))
    for division in found:
        if division.locale.language_code == language:
            return division
    return found[0] if found else None


class PeriodReportForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=20, required=False, help_text=FORMAT_HELP)
    division = forms.ChoiceField(label=_("Division"), required=False)

    def __init__(self, *args, choices, whole_office, **kwargs):
        super().__init__(*args, **kwargs)
        office = [("", gettext("Whole office"))] if whole_office else []
        self.fields["division"].choices = office + list(choices)

    def clean_period(self):
        try:
            return Period.parse(self.cleaned_data.get("period"))
        except PeriodError as error:
            raise forms.ValidationError(str(error), code="period") from error


@dataclass
class Selection:
    form: PeriodReportForm
    period: Period | None = None
    division_code: str = ""

    @property
    def valid(self):
        return self.period is not None

    @property
    def query(self):
        return urlencode({"period": self.period.slug, "division": self.division_code})

    def filename(self, extension):
        return f"{file_stem(self.period, self.division_code)}.{extension}"


def selection_from(request):
    """The period and division asked for in the query string, checked against the user's
    rights (PermissionDenied for another division). With no period: the current month."""
    user = request.user
    if not user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    choices, whole_office = division_choices(user)
    if not choices and not whole_office:
        raise PermissionDenied
    params = request.GET.copy()
    code = params.get("division", "")
    if code and code not in {value for value, _label in choices}:
        from offices.models import Division

        if Division.objects.filter(code=code).exists():
            raise PermissionDenied
    if not code and not whole_office:
        params["division"] = choices[0][0]
    if "period" not in params:
        params["period"] = Period.current_month().slug
    form = PeriodReportForm(params, choices=choices, whole_office=whole_office)
    if not form.is_valid():
        return Selection(form)
    return Selection(form, form.cleaned_data["period"], form.cleaned_data["division"])


class PeriodReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/admin/period_report.html"
    page_title = _("Period report")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.selection = selection_from(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": reverse("period_report"), "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selection = self.selection
        context["form"] = selection.form
        if selection.valid:
            division = division_in(selection.division_code, translation.get_language())
            report = build_report(selection.period, division)
            context.update(
                report=report,
                sections=[_section_context(section) for section in report.sections],
                query=selection.query,
            )
        return context


def format_cell(value):
    """A table cell as text, written as in the PDF (``reports.formatting``)."""
    return format_value(value)


def _section_context(section):
    return {
        "section": section,
        "figures": [(figure.label, format_value(figure.value, figure.unit)) for figure in section.figures],
        "charts": [
            {
                "chart": chart,
                "svg": bar_chart_svg(chart),
                "rows": [
                    (label, format_value(value, chart.unit))
                    for label, value in zip(chart.labels, chart.values, strict=True)
                ],
            }
            for chart in section.charts
            if chart.values
        ],
        "tables": [
            {
                "title": table.title,
                "columns": table.columns,
                "rows": [[format_cell(cell) for cell in row] for row in table.rows],
                "empty_message": table.empty_message,
            }
            for table in section.tables
        ],
    }


def _download(request, extension, content_type, render, language=None):
    selection = selection_from(request)
    if not selection.valid:
        # The page shows why; nothing is made.
        return redirect(reverse("period_report") + "?" + request.GET.urlencode())
    with translation.override(language or translation.get_language()):
        division = division_in(selection.division_code, translation.get_language())
        content = render(build_report(selection.period, division))
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{selection.filename(extension)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def period_report_pdf(request):
    from .pdf import render_pdf

    return _download(request, "pdf", "application/pdf", render_pdf, language=PDF_LANGUAGE)


def period_report_xlsx(request):
    from .spreadsheet import render_xlsx

    return _download(
        request,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        render_xlsx,
    )


def period_report_csv(request):
    from .spreadsheet import render_csv

    return _download(request, "csv", "text/csv; charset=utf-8", render_csv)
