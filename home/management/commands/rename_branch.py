"""``manage.py rename_branch <slug> --name "Norsk kulturskoleråd Troms og Finnmark"``."""

from django.core.management.base import BaseCommand, CommandError

from home.services.branch import BranchError, rename_branch


class Command(BaseCommand):
    """Rename a county branch everywhere; see ``home.services.branch.rename_branch``."""

    help = (
        "Rename a county branch in every language, with its groups, collection and workflow. "
        "The slug and the content stay as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The slug of the branch to rename.")
        parser.add_argument("--name", required=True, help="The new full name.")
        parser.add_argument(
            "--short-name",
            help="The new short name (default: the new name without the organisation).",
        )

    def handle(self, *args, slug, name, short_name=None, **options):
        try:
            branch = rename_branch(slug, name, short_name=short_name)
        except BranchError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"The branch “{slug}” is now called “{branch.title}”.")
        )
