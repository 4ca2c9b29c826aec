"""``python manage.py plan_pdf <plan> --locale nb --output plan.pdf [--include-drafts]``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plan.management.plans import content_language, find_plan, write_output
from plan.services.pdf import PdfUnavailable, plan_pdf


class Command(BaseCommand):
    help = (
        "Write a plan as its printable A4 document (PDF) in one language: cover, contents, "
        "chapters 1–3, quotations and contact information."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan", help="The page id or translation key of the plan.")
        parser.add_argument("--locale", default="nb", help="The language (default: nb).")
        parser.add_argument("--output", "-o", required=True, help="The PDF file to write.")
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Print unpublished pages too, with their latest saved content.",
        )

    def handle(self, *args, **options):
        plan = find_plan(options["plan"])
        language = content_language(options["locale"])
        if not plan.live and not options["include_drafts"]:
            raise CommandError(
                _("The plan “%(title)s” is not published; use --include-drafts to print it.")
                % {"title": plan.title}
            )
        try:
            data = plan_pdf(plan, language, include_drafts=options["include_drafts"])
        except PdfUnavailable as error:
            raise CommandError(
                _("PDFs cannot be made here: %(reason)s") % {"reason": error}
            ) from error
        write_output(options["output"], data)
        self.stdout.write(_("Wrote %(file)s.") % {"file": options["output"]})
