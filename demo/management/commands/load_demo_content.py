"""``manage.py load_demo_content``: the Nordland plan 2024–2025 in nb and en, and a demo admin."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from demo.loader import (
    DEFAULT_ADMIN_PASSWORD,
    DEFAULT_ADMIN_USERNAME,
    DemoContentError,
    load_demo_content,
)


class Command(BaseCommand):
    """Load the demo content; running it again changes nothing."""

    help = (
        "Create the branch Norsk kulturskoleråd Nordland with its action plan 2024–2025 in "
        "Norwegian Bokmål and English, and a demo superuser. Idempotent. The admin's password "
        f"comes from DEMO_ADMIN_PASSWORD (default for a new user: {DEFAULT_ADMIN_PASSWORD!r}); "
        "an existing admin's password is only reset when DEMO_ADMIN_PASSWORD is set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create or update the demo admin."
        )
        parser.add_argument(
            "--admin-username",
            default=DEFAULT_ADMIN_USERNAME,
            help=f"Username of the demo admin (default: {DEFAULT_ADMIN_USERNAME}).",
        )

    def handle(self, *args, no_admin, admin_username, **options):
        try:
            report = load_demo_content(
                create_admin=not no_admin,
                admin_username=admin_username,
                admin_password=os.environ.get("DEMO_ADMIN_PASSWORD") or None,
            )
        except DemoContentError as error:
            raise CommandError(str(error)) from error

        if report.created:
            created = ", ".join(f"{what}: {count}" for what, count in report.created.items())
            self.stdout.write(self.style.SUCCESS(f"Created – {created}."))
        else:
            self.stdout.write("Nothing to create: the demo content is loaded already.")
        for note in report.notes:
            self.stdout.write(note)
        if not no_admin:
            self._write_admin(report)

    def _write_admin(self, report):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        verb = "Created" if report.admin_created else "Using"
        self.stdout.write(f"{verb} the demo admin. Log in at {admin_url}")
        self.stdout.write(f"  username: {report.admin_username}")
        if report.admin_password:
            self.stdout.write(f"  password: {report.admin_password}")
        else:
            self.stdout.write("  password: unchanged (set DEMO_ADMIN_PASSWORD to reset it)")
