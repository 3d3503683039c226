"""Server-rendered horizontal bar charts as inline SVG, readable without colour.

Every bar has its label written above it and its value written after it, so
the chart says everything in text; bars are drawn in ``currentColor`` (the
admin's text colour, in light and dark themes). No ``style`` attribute and no
script: presentation attributes only. Screen readers get ``role="img"``, the
title as ``aria-label`` and ``<title>``, and every label and value in ``<desc>``.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .formatting import format_value

WIDTH = 640
ROW_HEIGHT = 40
LABEL_SIZE = 13
BAR_TOP = 20  # below the label, within the row
BAR_HEIGHT = 12
VALUE_SPACE = 90  # room after the longest bar for its value
MAX_LABEL_CHARACTERS = 90


def _short(text):
    text = str(text)
    return text if len(text) <= MAX_LABEL_CHARACTERS else text[: MAX_LABEL_CHARACTERS - 1] + "…"


def bar_chart_svg(chart):
    """The SVG markup of a ``reports.report.Chart``; empty for a chart without bars."""
    if not chart.values:
        return mark_safe("")
    largest = max(max(chart.values), 0) or 1
    usable = WIDTH - VALUE_SPACE
    height = ROW_HEIGHT * len(chart.values)
    rows = []
    for position, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        top = position * ROW_HEIGHT
        length = max(value, 0) / largest * usable
        # A zero still gets a hairline so the row visibly has a bar.
        bar_length = max(length, 1)
        rows.append(
            format_html(
                '<g><text x="0" y="{}" font-size="{}" fill="currentColor">{}</text>'
                '<rect x="0" y="{}" width="{}" height="{}" fill="currentColor" fill-opacity="0.55" '
                'stroke="currentColor" stroke-width="1"></rect>'
                '<text x="{}" y="{}" font-size="{}" font-weight="bold" fill="currentColor">{}</text></g>',
                top + LABEL_SIZE + 2,
                LABEL_SIZE,
                _short(label),
                top + BAR_TOP,
                f"{bar_length:.1f}",
                BAR_HEIGHT,
                f"{bar_length + 6:.1f}",
                top + BAR_TOP + BAR_HEIGHT - 1,
                LABEL_SIZE,
                format_value(value, chart.unit),
            )
        )
    description = "; ".join(
        f"{label}: {format_value(value, chart.unit)}"
        for label, value in zip(chart.labels, chart.values, strict=True)
    )
    return format_html(
        '<svg class="period-report-chart" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="sans-serif">'
        "<title>{}</title><desc>{}</desc>{}</svg>",
        chart.title,
        WIDTH,
        height,
        chart.title,
        description,
        format_html_join("", "{}", ((row,) for row in rows)),
    )
