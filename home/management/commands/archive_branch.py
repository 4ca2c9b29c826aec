"""``manage.py archive_branch <slug>``: take a branch offline and keep its content."""

from django.core.management.base import BaseCommand, CommandError

from home.services.branch import BranchError, archive_branch


class Command(BaseCommand):
    """Take a county branch offline; see ``home.services.branch.archive_branch``."""

    help = (
        "Archive a county branch: unpublish it and everything under it in every language, "
        "cancel scheduled publishing and moderation. The content, groups and collection are "
        "kept; remove people from the branch's groups to close their access."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The slug of the branch to archive.")

    def handle(self, *args, slug, **options):
        try:
            count = archive_branch(slug)
        except BranchError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Archived “{slug}”: {count} page(s) unpublished."))
