"""``python manage.py restore <file>.dump``: a backup into an empty database and MEDIA_ROOT."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` (the .dump file; its .media.tar.gz must lie beside "
        "it) into the configured database, which must be empty, and MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .dump file of the backup.")

    def handle(self, *args, **options):
        try:
            restore(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Restored %(file)s.") % {"file": options["file"]}))
