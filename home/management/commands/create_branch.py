"""``manage.py create_branch <slug> --name "Norsk kulturskoleråd Troms" [--languages nb,en]``."""

from django.core.management.base import BaseCommand, CommandError

from home.services.branch import BranchError, create_branch


class Command(BaseCommand):
    """Set up a county branch (idempotent); see ``home.services.branch.create_branch``."""

    help = (
        "Set up a county branch: its page in every content language with resource and event "
        "index pages, a collection for its images and documents, an editor and an approver "
        "group, and its moderation workflow. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help='The branch\'s URL slug, e.g. "troms".')
        parser.add_argument(
            "--name", required=True, help='The full name, e.g. "Norsk kulturskoleråd Troms".'
        )
        parser.add_argument(
            "--short-name",
            help='The county\'s name, e.g. "Troms" (default: the name without the organisation).',
        )
        parser.add_argument(
            "--languages",
            help="Comma-separated content languages, default first (default: all of them).",
        )

    def handle(self, *args, slug, name, short_name=None, languages=None, **options):
        codes = [code.strip() for code in languages.split(",")] if languages is not None else None
        if codes is not None and not all(codes):
            raise CommandError(f"Invalid --languages {languages!r}: e.g. --languages nb,en.")
        try:
            setup = create_branch(slug, name, languages=codes, short_name=short_name)
        except BranchError as error:
            raise CommandError(str(error)) from error
        verb = "Created" if setup.created else "Checked"
        self.stdout.write(self.style.SUCCESS(f"{verb} the branch “{setup.branch.title}” ({slug})."))
        languages = ", ".join(locale.language_code for locale in setup.locales)
        self.stdout.write(f"  languages: {languages}")
        self.stdout.write(f"  collection: {setup.collection.name}")
        self.stdout.write(f"  groups: {setup.editors.name}, {setup.approvers.name}")
        self.stdout.write(f"  workflow: {setup.workflow.name}")
