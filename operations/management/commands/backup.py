"""``python manage.py backup [--dir backups]``: database dump and media archive, named by time."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump, custom format) and MEDIA_ROOT (tar.gz) into "
        "a folder, both named by the time of the backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="backups", help="The folder (default: backups).")

    def handle(self, *args, **options):
        try:
            dump, media = backup(options["dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(_("Backup: %(dump)s and %(media)s") % {"dump": dump, "media": media})
        )
