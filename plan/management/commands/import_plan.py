"""``python manage.py import_plan <file or URL> --branch <slug> [--period …] [--replace]``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plan.management.progress import ProgressBar
from plan.services.plan_tree import ForkError, parse_period, target_branch
from plan.services.template.check import TemplateError, load_template
from plan.services.template.importer import import_plan


class Command(BaseCommand):
    help = (
        "Create a plan as drafts under a branch from a plan template (a file or an http(s) "
        "URL). The whole document is checked first; any problem is reported with its JSON "
        "path and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The template: a file path or an http(s) URL.")
        parser.add_argument("--branch", required=True, help="The slug of the target branch.")
        parser.add_argument("--period", help="A new period for the plan, e.g. 2026-2027.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace an earlier import of the same source plan into this branch.",
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Download images and documents that this install does not have yet.",
        )

    def handle(self, *args, **options):
        progress = ProgressBar(self.stdout, "Importing")
        try:
            branch = target_branch(options["branch"])
            period = parse_period(options["period"]) if options["period"] else None
            document = load_template(options["source"])
            result = import_plan(
                document,
                branch,
                period=period,
                replace=options["replace"],
                fetch_media=options["fetch_media"],
                progress=progress,
            )
        except TemplateError as error:
            raise CommandError(
                _("The template cannot be imported; nothing was changed:")
                + "\n"
                + "\n".join(f"  {message}" for message in error.messages)
            ) from error
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
