"""Fork a plan: ``fork_plan <plan id> --branch <slug> --period 2026-2027 [--structure-only]``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plan.management.progress import ProgressBar
from plan.services.fork import fork_plan
from plan.services.plan_tree import ForkError, live_plan, parse_period, target_branch


class Command(BaseCommand):
    help = (
        "Create a new draft plan for a branch based on any live plan: its strategies and "
        "measures in every language, without status updates, dates or other branches' "
        "contact persons."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan", help="The page id of the live plan to copy.")
        parser.add_argument("--branch", required=True, help="The slug of the target branch.")
        parser.add_argument(
            "--period", required=True, help="The new plan's period, e.g. 2026-2027."
        )
        parser.add_argument(
            "--structure-only",
            action="store_true",
            help="Keep titles and lead statements only; leave the texts empty.",
        )

    def handle(self, *args, **options):
        progress = ProgressBar(self.stdout, "Copying")
        try:
            source = live_plan(options["plan"])
            branch = target_branch(options["branch"])
            period = parse_period(options["period"])
            result = fork_plan(
                source,
                branch,
                period,
                structure_only=options["structure_only"],
                progress=progress,
            )
        except ForkError as error:
            raise CommandError(str(error)) from error
        finally:
            progress.finish()
        for line in result.report:
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                _("New plan: id %(id)s, %(path)s")
                % {"id": result.plan.pk, "path": result.plan.url_path}
            )
        )
