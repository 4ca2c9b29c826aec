"""Installs the tests share: built once per test process, copied in where a test needs one.

Building the demo content or the API tests' install takes many seconds; copying the rows of
every table back in takes a fraction of one. A :class:`SharedInstall` builds its install once,
on the freshly migrated database, inside a transaction it rolls back, and keeps a copy of every
table and of the files the build wrote, with the renditions the API serves of every image (made
once here, not again in every test). :meth:`SharedInstall.install` then puts that copy into the
database inside the caller's transaction (replacing what is there) and the files into the
current ``MEDIA_ROOT``: the database holds the migrated state plus the install, with the same
primary keys every time, as if it had just been built.

The copy uses PostgreSQL's ``COPY``; on other databases (SQLite) ``install`` simply builds the
install again each time.
"""

import copy
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from wagtail.images import get_image_model

from cms.api.images import rendition_specs


class TableCopy:
    """The rows of every table of the default database, in ``COPY``'s text format."""

    def __init__(self, rows):
        self.rows = rows  # {table name: bytes}

    @classmethod
    def take(cls):
        rows = {}
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                name = connection.ops.quote_name(table)
                with cursor.copy(f"COPY {name} TO STDOUT") as stream:
                    rows[table] = b"".join(bytes(block) for block in stream)
        return cls(rows)

    def put(self):
        """Replace the rows of every table with the copy's (inside the current transaction)."""
        names = ", ".join(connection.ops.quote_name(table) for table in self.rows)
        # TRUNCATE refuses tables with pending (deferred) foreign key checks: run them first.
        connection.check_constraints()
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {names}")
            for table, data in self.rows.items():
                if data:
                    name = connection.ops.quote_name(table)
                    with cursor.copy(f"COPY {name} FROM STDIN") as stream:
                        stream.write(data)
        connection.check_constraints()


#: The freshly migrated database, taken by the ``django_db_setup`` fixture (PostgreSQL only).
_migrated = None


def remember_migrated_database():
    """Take the rows of the freshly migrated database: where every shared install starts."""
    global _migrated
    if can_copy():
        _migrated = TableCopy.take()


def can_copy():
    return connection.vendor == "postgresql"


def make_renditions():
    """Make the renditions the API serves of every image, as the first request would."""
    specs = list(rendition_specs().values())
    for image in get_image_model().objects.all():
        image.get_renditions(*specs)


class SharedInstall:
    """An install built by ``build()`` once per test process and copied in on demand.

    ``build`` runs with a ``MEDIA_ROOT`` of its own and returns what the tests refer to (e.g.
    model instances); each ``install()`` returns a deep copy of it, so a test that changes an
    object never changes another module's.
    """

    def __init__(self, build):
        self._build = build
        self._built = None
        self._rows = None
        self._media = None

    def install(self):
        """Put the install into the database and its files into ``MEDIA_ROOT``; return what
        the build returned. Call it inside a transaction that is rolled back afterwards."""
        if not (can_copy() and _migrated is not None):
            return self._build()
        if self._rows is None:
            self._take()
        self._rows.put()
        shutil.copytree(self._media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        cache.clear()  # e.g. Wagtail's site root paths, which belonged to the replaced rows
        return copy.deepcopy(self._built)

    def _take(self):
        media = Path(tempfile.mkdtemp(prefix="handlingsplan-test-install-"))
        with override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
            _migrated.put()
            built = self._build()
            make_renditions()
            rows = TableCopy.take()
            transaction.set_rollback(True)
        cache.clear()
        self._built, self._rows, self._media = built, rows, media
