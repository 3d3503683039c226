"""The periodic report as a PDF for the mayor: ``render_pdf(report) -> bytes``.

A4 portrait, built with reportlab's platypus: the office letterhead (kop surat)
from ``core.SiteSettings``, the title with the period and the scope, every
section of the report (headline figures, bar charts, tables), a signature block,
and "page X of Y" on every page. It only walks the ``reports.report.Report`` it
is given, so it shows the same figures as the admin page and the spreadsheet.

Callers render under ``translation.override("id")``: the report's strings are
translated when it is built, the fixed strings here are gettext too, and numbers
and dates follow the active language (``1.234,5``; ``5 Oktober 2026``).

The text is set in DejaVu Sans, embedded, when the system has it (Debian's
``fonts-dejavu-core``); otherwise in Helvetica, which covers the Latin text.
"""

import io
import logging
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .formatting import format_date, format_datetime, format_value, is_number

logger = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Where the head of office signs; the site is the Palembang office's.
SIGNING_PLACE = "Palembang"
PAGE_SIZE = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
LOGO_HEIGHT = 24 * mm
LOGO_MAX_WIDTH = 40 * mm
# Bars are grey with a black outline and carry their value as text: readable
# when printed in black and white.
BAR_FILL = colors.Color(0.6, 0.6, 0.6)
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)


# --- Text shared with the spreadsheet ------------------------------------------------


def report_title():
    return _("Periodic service report")


def scope_label(report):
    """The division's name, or "whole office", as the admin page says it."""
    return report.division_label


def period_dates(period):
    """ "1 Oktober 2026 s.d. 31 Oktober 2026": the first and the last day."""
    return _("%(start)s to %(end)s") % {
        "start": format_date(period.start),
        "end": format_date(period.last_day),
    }


# --- Fonts and styles ----------------------------------------------------------------


@cache
def fonts():
    """(regular, bold, italic) font names, registered once per process."""
    faces = {
        "DejaVuSans": "DejaVuSans.ttf",
        "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    try:
        for name, filename in faces.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    except (OSError, TTFError):
        logger.info("DejaVu Sans not found in %s; the report PDF uses Helvetica.", FONT_DIR)
        return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )
    return "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"


def make_styles():
    regular, bold, italic = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_number": ParagraphStyle(
            "cell_number", parent=body, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "cell_header": ParagraphStyle("cell_header", parent=body, fontName=bold, fontSize=8.5, leading=10.5),
        "cell_header_number": ParagraphStyle(
            "cell_header_number", parent=body, fontName=bold, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "generated": ParagraphStyle("generated", parent=body, fontSize=8, leading=10, alignment=TA_CENTER),
        "government": ParagraphStyle(
            "government", parent=body, fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "office": ParagraphStyle(
            "office", parent=body, fontName=bold, fontSize=15, leading=19, alignment=TA_CENTER
        ),
        "contact": ParagraphStyle("contact", parent=body, fontSize=8.5, leading=11, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13.5, alignment=TA_CENTER),
        "section": ParagraphStyle(
            "section", parent=body, fontName=bold, fontSize=12, leading=15, spaceBefore=12, spaceAfter=5
        ),
        "subheading": ParagraphStyle(
            "subheading", parent=body, fontName=bold, fontSize=9.5, leading=12, spaceBefore=7, spaceAfter=3
        ),
        "note": ParagraphStyle("note", parent=body, fontName=italic, fontSize=8, leading=10, spaceAfter=4),
        "signature": ParagraphStyle("signature", parent=body, fontSize=10, leading=13),
        "signature_name": ParagraphStyle(
            "signature_name", parent=body, fontName=bold, fontSize=10, leading=13
        ),
    }


def text(value):
    """Plain text made safe for reportlab's paragraph markup."""
    return escape(str(value))


# --- The parts of the document -------------------------------------------------------


def logo_flowable(image):
    """The logo scaled to the letterhead's height, or None when there is none
    or its file cannot be read (a missing file only costs the logo)."""
    if image is None:
        return None
    try:
        with image.open_file() as source:
            picture = PILImage.open(io.BytesIO(source.read()))
            picture.load()
        # A letterhead logo needs no more than this; a large original would bloat the PDF.
        picture.thumbnail((400, 400))
        if picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            picture = picture.convert("RGB")  # e.g. a CMYK JPEG, which PNG cannot hold
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
    except Exception:
        logger.warning("The logo (image %s) could not be read; the report has none.", image.pk, exc_info=True)
        return None
    buffer.seek(0)
    width, height = picture.size
    # As tall as the letterhead's text, unless that would make a wide logo crowd it.
    drawn_width = min(LOGO_HEIGHT * width / height, LOGO_MAX_WIDTH)
    return Image(buffer, width=drawn_width, height=drawn_width * height / width)


def letterhead(office, styles):
    lines = [
        Paragraph(text(office.government_name.upper()), styles["government"]),
        Paragraph(text(office.office_name.upper()), styles["office"]),
    ]
    address = ", ".join(line.strip() for line in office.address.splitlines() if line.strip())
    if address:
        lines.append(Paragraph(text(address), styles["contact"]))
    contacts = []
    if office.phone:
        contacts.append(_("Telephone %(phone)s") % {"phone": office.phone})
    if office.email:
        contacts.append(_("E-mail %(email)s") % {"email": office.email})
    if contacts:
        lines.append(Paragraph(text(" · ".join(contacts)), styles["contact"]))

    logo = logo_flowable(office.logo)
    if logo is None:
        head = lines
    else:
        # An empty column as wide as the logo on the right keeps the text centred on the page.
        side = logo.drawWidth + 4 * mm
        head = [
            Table(
                [[logo, lines, ""]],
                colWidths=[side, CONTENT_WIDTH - 2 * side, side],
                style=[
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ],
            )
        ]
    # The double rule of an Indonesian letterhead: thick, then thin.
    return [
        *head,
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=2, color=colors.black, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=6 * mm),
    ]


def title_block(report, styles):
    period = _("Period: %(period)s") % {"period": report.period.label}
    period = f"{period} ({period_dates(report.period)})"
    return [
        Paragraph(text(report_title().upper()), styles["title"]),
        Paragraph(text(period), styles["subtitle"]),
        Paragraph(text(_("Scope: %(scope)s") % {"scope": scope_label(report)}), styles["subtitle"]),
        Paragraph(
            text(_("Generated on %(date)s") % {"date": format_datetime(report.generated_at)}),
            styles["generated"],
        ),
        Spacer(1, 3 * mm),
    ]


def figures_table(figures, styles):
    rows = [
        [
            Paragraph(text(figure.label), styles["cell"]),
            Paragraph(f"<b>{text(format_value(figure.value, figure.unit))}</b>", styles["cell_number"]),
        ]
        for figure in figures
    ]
    return Table(
        rows,
        colWidths=[CONTENT_WIDTH * 0.7, CONTENT_WIDTH * 0.3],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
        ],
    )


def chart_flowables(chart, styles):
    """A horizontal bar chart as a table: label, bar, value on every row."""
    title = [Paragraph(text(chart.title), styles["subheading"])]
    if not chart.labels:
        return [*title, Paragraph(text(_("No data for this period.")), styles["body"])]
    label_width, value_width = CONTENT_WIDTH * 0.38, CONTENT_WIDTH * 0.17
    bar_width = CONTENT_WIDTH - label_width - value_width
    values = [value if is_number(value) else 0 for value in chart.values]
    largest = max(values, default=0)
    rows = []
    for label, value, shown in zip(chart.labels, values, chart.values, strict=False):
        bar = Drawing(bar_width - 6, 10)
        if largest > 0 and value > 0:
            bar.add(
                Rect(
                    0,
                    1,
                    max(1.0, float(value) / float(largest) * (bar_width - 6)),
                    8,
                    fillColor=BAR_FILL,
                    strokeColor=colors.black,
                    strokeWidth=0.4,
                )
            )
        rows.append(
            [
                Paragraph(text(label), styles["cell"]),
                bar,
                Paragraph(text(format_value(shown, chart.unit)), styles["cell_number"]),
            ]
        )
    table = Table(
        rows,
        colWidths=[label_width, bar_width, value_width],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ],
    )
    return [*title, table]


def numeric_columns(table):
    """For each column, whether it holds numbers (and blanks) only: those are right-aligned."""
    columns = []
    for index in range(len(table.columns)):
        values = [row[index] for row in table.rows if index < len(row) and row[index] not in (None, "")]
        columns.append(bool(values) and all(is_number(value) for value in values))
    return columns


def column_widths(table, styles, numeric):
    """Widths that break lines between words, never inside one, when the page allows.

    Every column gets at least its longest word (of the heading or a cell). When
    the whole lines fit, number columns are as wide as their longest entry and
    text columns share the rest; otherwise each column gets its longest word
    plus a share of what is left, by how much more it would like."""
    cell, bold = styles["cell"], styles["cell_header"]
    padding = 14  # the cell's left and right padding, and a little air

    def width(line, style=cell):
        return pdfmetrics.stringWidth(line, style.fontName, style.fontSize)

    wants, minimums = [], []
    for index, header in enumerate(table.columns):
        cells = [format_value(row[index]) for row in table.rows if index < len(row)]
        words = [word for value in cells for word in value.split()]
        heading = max([width(word, bold) for word in header.split()] or [0])
        longest_word = max([width(word) for word in words] or [0])
        longest_line = max([width(value) for value in cells] or [0])
        minimums.append(max(heading, longest_word, 24) + padding)
        wants.append(max(min(max(longest_line, heading, 36) + padding, CONTENT_WIDTH * 0.5), minimums[-1]))

    spare = CONTENT_WIDTH - sum(wants)
    if spare >= 0:
        text_wants = sum(want for want, is_numeric in zip(wants, numeric, strict=True) if not is_numeric)
        if not text_wants:
            return [CONTENT_WIDTH * want / sum(wants) for want in wants]
        return [
            want if is_numeric else want + spare * want / text_wants
            for want, is_numeric in zip(wants, numeric, strict=True)
        ]
    left = CONTENT_WIDTH - sum(minimums)
    if left < 0:
        # Not even the longest words fit: some must break.
        return [CONTENT_WIDTH * minimum / sum(minimums) for minimum in minimums]
    extra = [want - minimum for want, minimum in zip(wants, minimums, strict=True)]
    return [minimum + left * more / sum(extra) for minimum, more in zip(minimums, extra, strict=True)]


def table_flowables(table, styles):
    title = [Paragraph(text(table.title), styles["subheading"])] if table.title else []
    if not table.rows:
        message = table.empty_message or _("No data for this period.")
        return [*title, Paragraph(text(message), styles["body"])]
    numeric = numeric_columns(table)
    header = [
        Paragraph(text(column), styles["cell_header_number" if is_numeric else "cell_header"])
        for column, is_numeric in zip(table.columns, numeric, strict=False)
    ]
    body = [
        [
            Paragraph(text(format_value(value)), styles["cell_number" if is_numeric else "cell"])
            for value, is_numeric in zip(row, numeric, strict=False)
        ]
        + [""] * (len(table.columns) - len(row))
        for row in table.rows
    ]
    flowable = Table(
        [header, *body],
        colWidths=column_widths(table, styles, numeric),
        # The header row is repeated on every page a long table runs onto.
        repeatRows=1,
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        ),
    )
    return [*title, flowable]


def section_flowables(number, section, styles):
    heading = [Paragraph(f"{number}. {text(section.title)}", styles["section"])]
    if section.note:
        heading.append(Paragraph(text(section.note), styles["note"]))
    groups = []
    if section.figures:
        groups.append([figures_table(section.figures, styles)])
    groups.extend(chart_flowables(chart, styles) for chart in section.charts)
    groups.extend(table_flowables(table, styles) for table in section.tables)
    if not groups and not section.note:
        groups.append([Paragraph(text(_("No data for this period.")), styles["body"])])
    if not groups:
        return [KeepTogether(heading)]
    # A chart or table that fits on a page starts on a new one rather than split (a
    # longer one is split, its header repeated), and the heading goes with the first.
    # Not nested: a KeepTogether inside another never fits.
    groups[0] = heading + groups[0]
    return [KeepTogether(group) for group in groups]


def signature_block(report, office, styles):
    signed = f"{SIGNING_PLACE}, {format_date(timezone.localtime(report.generated_at).date())}"
    lines = [
        Paragraph(text(signed), styles["signature"]),
        Paragraph(text(office.head_of_office_title), styles["signature"]),
        Spacer(1, 20 * mm),
    ]
    if office.head_of_office_name:
        lines.append(Paragraph(f"<u>{text(office.head_of_office_name)}</u>", styles["signature_name"]))
    else:
        lines.append(Paragraph("(" + "." * 50 + ")", styles["signature"]))
    if office.head_of_office_nip:
        lines.append(
            Paragraph(text(_("NIP. %(nip)s") % {"nip": office.head_of_office_nip}), styles["signature"])
        )
    return KeepTogether(
        [
            Spacer(1, 10 * mm),
            Table(
                [["", lines]],
                colWidths=[CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.5],
                style=[("LEFTPADDING", (0, 0), (-1, -1), 0)],
            ),
        ]
    )


def fit(line, width, canvas):
    """``line`` shortened with an ellipsis until it fits ``width`` in the canvas's font."""
    if canvas.stringWidth(line) <= width:
        return line
    while line and canvas.stringWidth(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def numbered_canvas(footer, font):
    """A canvas that knows the page count when it writes "page X of Y": it
    keeps every page until the end, then draws the footers."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.pages = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for number, page in enumerate(self.pages, start=1):
                self.__dict__.update(page)
                self.setFont(font, 7.5)
                self.setFillColor(colors.black)
                page_text = _("Page %(page)s of %(pages)s") % {"page": number, "pages": len(self.pages)}
                self.drawRightString(PAGE_SIZE[0] - MARGIN, 12 * mm, page_text)
                room = CONTENT_WIDTH - self.stringWidth(page_text) - 10 * mm
                self.drawString(MARGIN, 12 * mm, fit(footer, room, self))
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(report):
    """The report as PDF bytes."""
    from core.models import SiteSettings

    office = SiteSettings.load()
    styles = make_styles()
    story = [*letterhead(office, styles), *title_block(report, styles)]
    for number, section in enumerate(report.sections, start=1):
        story.extend(section_flowables(number, section, styles))
    story.append(signature_block(report, office, styles))

    title = f"{report_title()} {report.period.label}"
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=office.office_name,
        subject=scope_label(report),
        lang=translation.get_language() or "id",
    )
    footer = f"{title} · {scope_label(report)} · {office.office_name}"
    document.build(story, canvasmaker=numbered_canvas(footer, fonts()[0]))
    return buffer.getvalue()
