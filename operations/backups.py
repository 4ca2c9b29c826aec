"""Backups of an install: the PostgreSQL database (pg_dump, custom format) and MEDIA_ROOT.

A backup is two files named by the UTC time it was taken, side by side:
``handlingsplan-<YYYYMMDDTHHMMSSZ>.dump`` and ``handlingsplan-<…>.media.tar.gz``. A restore
needs both and an empty database (a fresh install, nothing migrated).
"""

import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

MEDIA_SUFFIX = ".media.tar.gz"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def _database():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(_("Backups need PostgreSQL (DATABASE_URL=postgres://…)."))
    return database


def _pg_environ(database):
    """libpq's variables for the configured database (the password never on a command line)."""
    environ = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            environ[variable] = str(database[key])
    return environ


def _run(command, database):
    try:
        process = subprocess.run(
            command, env=_pg_environ(database), capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(
            _("%(program)s is not installed (Debian: postgresql-client).") % {"program": command[0]}
        ) from error
    if process.returncode != 0:
        raise BackupError(f"{command[0]}: {process.stderr.strip()}")


def media_archive_of(dump):
    """The media archive that belongs to ``dump``."""
    dump = Path(dump)
    return dump.with_name(dump.name.removesuffix(".dump") + MEDIA_SUFFIX)


def backup(directory):
    """Write a database dump and a media archive into ``directory``; return both paths."""
    database = _database()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    dump = directory / f"handlingsplan-{timezone.now():%Y%m%dT%H%M%SZ}.dump"
    media = media_archive_of(dump)
    if dump.exists() or media.exists():
        raise BackupError(_("%(file)s exists already.") % {"file": dump})
    partial = dump.with_name(dump.name + ".partial")
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(partial)],
        database,
    )
    media_partial = media.with_name(media.name + ".partial")
    with tarfile.open(media_partial, "w:gz") as archive:
        if Path(settings.MEDIA_ROOT).is_dir():
            archive.add(settings.MEDIA_ROOT, arcname=".")
    partial.rename(dump)
    media_partial.rename(media)
    return dump, media


def restore(dump):
    """Restore ``dump`` and its media archive into the empty database and MEDIA_ROOT, then empty
    the cache: a shared cache (Redis) still holds answers rendered from the database before,
    and the restored content generation may be older than theirs."""
    database = _database()
    dump, media = Path(dump), media_archive_of(dump)
    for path in (dump, media):
        if not path.is_file():
            raise BackupError(_("%(file)s is missing.") % {"file": path})
    if connection.introspection.table_names():
        raise BackupError(
            _("The database %(name)s is not empty; restore into a new, empty database.")
            % {"name": database["NAME"]}
        )
    connection.close()
    _run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        + ["--dbname", database["NAME"], str(dump)],
        database,
    )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media, "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    cache.clear()
