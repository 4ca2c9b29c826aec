"""The status report as JSON data, CSV and an Excel workbook."""

import csv
import io
import re

from django.utils import translation
from django.utils.translation import gettext as _

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
DATE_FORMAT = "yyyy-mm-dd"
#: Characters Excel does not allow in sheet names.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def report_json(report):
    """The report as JSON-ready data (see ``PlanReportSerializer`` for its shape)."""
    return {
        "plan": {
            "id": report.plan_id,
            "title": report.title,
            "branch": report.branch,
            "period": report.period,
        },
        "locale": report.language,
        "totals": {
            "measures": len(report.rows),
            "by_status": [
                {"code": code, "label": label, "count": report.count(status=code)}
                for code, label in report.statuses
            ],
            "by_strategy": [
                {
                    "strategy": title,
                    "measures": report.count(strategy=title),
                    "by_status": {
                        code: report.count(status=code, strategy=title)
                        for code, _label in report.statuses
                    },
                }
                for title in report.strategies
            ],
        },
        "measures": [
            {
                "id": row.id,
                "title": row.title,
                "strategy": row.strategy,
                "status": {"code": row.status, "label": row.status_label},
                "latest_update": (
                    {"date": row.update_date.isoformat(), "note": row.update_note}
                    if row.update_date
                    else None
                ),
                "timing": {
                    "start_date": row.start_date.isoformat() if row.start_date else None,
                    "end_date": row.end_date.isoformat() if row.end_date else None,
                    "text": row.timing_text,
                    "is_recurring": row.is_recurring,
                },
                "partners": [{"name": p["name"], "role": p["role"]} for p in row.partners],
                "contacts": row.contacts,
            }
            for row in report.rows
        ],
    }


def measure_headings():
    """The column headings of a measure row, in the active language."""
    return [
        _("Measure"),
        _("Strategy"),
        _("Status"),
        _("Last status update"),
        _("Note"),
        _("Start date"),
        _("End date"),
        _("Timing"),
        _("Partners"),
        _("Contact"),
    ]


def measure_values(row):
    """The values of a measure row, dates as dates."""
    return [
        row.title,
        row.strategy,
        row.status_label,
        row.update_date,
        row.update_note,
        row.start_date,
        row.end_date,
        row.timing_text,
        row.partners_text,
        row.contacts_text,
    ]


def report_csv(report):
    """The measures as CSV (UTF-8 with a byte order mark, so Excel reads the letters right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with translation.override(report.language):
        writer.writerow(measure_headings())
    for row in report.rows:
        writer.writerow(["" if v is None else v for v in measure_values(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_title(name, taken):
    title = SHEET_NAME_FORBIDDEN.sub("-", name).strip("'")[:31] or "-"
    base, number = title, 2
    while title.lower() in taken:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.lower())
    return title


def _table(sheet, headings, rows, widths):
    from openpyxl.styles import Font

    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if hasattr(cell.value, "isoformat"):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width


def report_xlsx(report):
    """The report as an Excel workbook: a summary sheet, then one sheet per strategy."""
    from openpyxl import Workbook

    workbook = Workbook()
    with translation.override(report.language):
        summary = workbook.active
        taken = set()
        summary.title = _sheet_title(_("Summary"), taken)
        statuses = report.statuses
        rows = [
            [title, report.count(strategy=title)]
            + [report.count(status=code, strategy=title) for code, _label in statuses]
            for title in report.strategies
        ]
        rows.append(
            [_("Total"), len(report.rows)] + [report.count(status=code) for code, _l in statuses]
        )
        _table(
            summary,
            [_("Strategy"), _("Measures")] + [label for _code, label in statuses],
            rows,
            [40, 12] + [14] * len(statuses),
        )
        widths = [45, 25, 14, 18, 45, 12, 12, 24, 40, 40]
        for title in report.strategies:
            sheet = workbook.create_sheet(_sheet_title(title, taken))
            rows = [measure_values(row) for row in report.rows if row.strategy == title]
            _table(sheet, measure_headings(), rows, widths)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
