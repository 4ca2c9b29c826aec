"""``python manage.py export_plan <plan> [--output file] [--include-drafts]``."""

import json
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plan.models import ActionPlanPage
from plan.services.template.export import export_plan


class Command(BaseCommand):
    help = (
        "Write a plan as a portable plan template (JSON, see docs/template-format.md) to a "
        "file or to standard output. What is left out is reported on standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan", help="The page id or translation key of the plan.")
        parser.add_argument("--output", "-o", help="The file to write (default: standard output).")
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Also export unpublished pages, with their latest saved content.",
        )

    def handle(self, *args, **options):
        plan = self._plan(options["plan"])
        if not plan.live and not options["include_drafts"]:
            raise CommandError(
                _("The plan “%(title)s” is not published; use --include-drafts to export it.")
                % {"title": plan.title}
            )
        document, report = export_plan(plan, include_drafts=options["include_drafts"])
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if options["output"]:
            try:
                Path(options["output"]).write_text(text, encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    _("Cannot write %(file)s: %(error)s")
                    % {"file": options["output"], "error": error.strerror}
                ) from error
        else:
            self.stdout.write(text, ending="")
        for line in report:
            self.stderr.write(line)
        if options["output"]:
            self.stderr.write(_("Wrote %(file)s.") % {"file": options["output"]})

    def _plan(self, identifier):
        plans = ActionPlanPage.objects.all()
        plan = (
            plans.filter(pk=int(identifier)).first()
            if identifier.isdigit()
            else plans.filter(translation_key=identifier).order_by("pk").first()
            if _is_uuid(identifier)
            else None
        )
        if plan is None:
            raise CommandError(
                _("There is no action plan “%(plan)s” (give its id or key).") % {"plan": identifier}
            )
        return plan


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
