"""``python manage.py plan_report <plan> [--locale nb] [--format json|xlsx|csv] [--output f]``."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plan.management.plans import content_language, find_plan, write_output
from plan.services.report import plan_report, report_csv, report_json, report_xlsx

WRITERS = {
    "json": lambda report: (
        json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
    ).encode(),
    "csv": report_csv,
    "xlsx": report_xlsx,
}


class Command(BaseCommand):
    help = (
        "Write the status report of a plan for the annual meeting: every measure with its "
        "status, latest update, timing, partners and contact, and the counts per status and "
        "strategy (JSON, CSV or an Excel workbook)."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan", help="The page id or translation key of the plan.")
        parser.add_argument("--locale", default="nb", help="The language (default: nb).")
        parser.add_argument("--format", default="json", choices=sorted(WRITERS))
        parser.add_argument("--output", "-o", help="The file to write (default: standard output).")
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Report on unpublished pages too, with their latest saved content.",
        )

    def handle(self, *args, **options):
        plan = find_plan(options["plan"])
        language = content_language(options["locale"])
        if not plan.live and not options["include_drafts"]:
            raise CommandError(
                _("The plan “%(title)s” is not published; use --include-drafts to report on it.")
                % {"title": plan.title}
            )
        if options["format"] == "xlsx" and not options["output"]:
            raise CommandError(_("An Excel workbook needs --output."))
        report = plan_report(plan, language, include_drafts=options["include_drafts"])
        data = WRITERS[options["format"]](report)
        if not options["output"]:
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        write_output(options["output"], data)
        self.stdout.write(_("Wrote %(file)s.") % {"file": options["output"]})
