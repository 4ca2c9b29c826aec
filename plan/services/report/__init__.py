"""The status report of a plan for the annual meeting: every measure and the counts.

``plan_report`` reads a plan (published content, or drafts for the admin) into a
:class:`Report`; ``report_json``, ``report_csv`` and ``report_xlsx`` write it. Headings and
labels come from the catalogues in the report's language.
"""

from .build import Report, ReportRow, plan_report, rows_for_measures
from .formats import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, report_csv, report_json, report_xlsx

__all__ = [
    "CSV_MEDIA_TYPE",
    "XLSX_MEDIA_TYPE",
    "Report",
    "ReportRow",
    "plan_report",
    "report_csv",
    "report_json",
    "report_xlsx",
    "rows_for_measures",
]
