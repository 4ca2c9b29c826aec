"""`backup` and `restore` (behind `make backup` and `make restore`): a restored install answers
the API exactly like the one that was backed up. PostgreSQL only."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

from tests.factories import CreditedImageFactory, make_plan
from tests.operations.live import PROJECT_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.IS_POSTGRESQL, reason="needs PostgreSQL"),
]

#: The shared cache of the restored install (a database of the local Redis of its own).
REDIS_URL = "redis://127.0.0.1:6379/10"

#: Writes (``set``), reads (``get``) or empties (``clear``) the cache that REDIS_URL names.
CACHE_SCRIPT = """
import sys
import django
django.setup()
from django.core.cache import cache
if sys.argv[1] == "set":
    cache.set("stale", "from before")
if sys.argv[1] == "clear":
    cache.clear()
print(cache.get("stale"))
"""

#: Asks the API of the install that DATABASE_URL names, in a fresh interpreter.
API_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
print(json.dumps({path: client.get(path).json() for path in sys.argv[1:]}))
"""


def fresh_database_url(name):
    database = settings.DATABASES["default"]
    user = database["USER"] or "postgres"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    name = settings.DATABASES["default"]["NAME"] + "_restored"
    admin_url = fresh_database_url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args, **environ):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "WAGTAILADMIN_BASE_URL": "http://testserver",
        **environ,
    }
    process = subprocess.run(
        [sys.executable, *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert process.returncode == 0, process.stderr
    return process.stdout


def test_backup_and_restore_into_a_fresh_database(tmp_path, fresh_database, settings):
    settings.WAGTAILADMIN_BASE_URL = settings.API_ASSET_BASE_URL = "http://testserver"
    tree = make_plan(strategies=2, measures_per_strategy=2)
    tree.plan.cover_image = CreditedImageFactory(title="Forside")
    tree.plan.save_revision().publish()
    paths = [
        "/api/v1/",
        f"/api/v1/plans/{tree.plan.pk}/",
        "/api/v1/measures/",
        "/api/v1/sitemap/",
    ]
    client = Client()
    before = {path: client.get(path).json() for path in paths}

    call_command("backup", dir=str(tmp_path / "backups"), stdout=StringIO())
    (dump,) = (tmp_path / "backups").glob("handlingsplan-*.dump")
    assert (tmp_path / "backups" / dump.name.replace(".dump", ".media.tar.gz")).is_file()

    environ = {"DATABASE_URL": fresh_database_url(fresh_database)}
    environ["MEDIA_ROOT"] = str(tmp_path / "restored-media")
    environ["REDIS_URL"] = REDIS_URL
    assert run(["-c", CACHE_SCRIPT, "set"], **environ).strip() == "from before"
    try:
        run(["manage.py", "restore", str(dump)], **environ)
        assert run(["-c", CACHE_SCRIPT, "get"], **environ).strip() == "None"  # emptied
        _check_restored(tree, paths, before, dump, environ)
    finally:
        run(["-c", CACHE_SCRIPT, "clear"], **environ)


def _check_restored(tree, paths, before, dump, environ):
    image = Path(environ["MEDIA_ROOT"]) / tree.plan.cover_image.file.name
    assert image.read_bytes() == Path(tree.plan.cover_image.file.path).read_bytes()
    after = json.loads(run(["-c", API_SCRIPT, *paths], **environ))
    assert after == before

    # A second restore into the same, no longer empty, database is refused.
    with pytest.raises(subprocess.CalledProcessError) as refused:
        subprocess.run(
            [sys.executable, "manage.py", "restore", str(dump)],
            cwd=PROJECT_ROOT,
            env={"PATH": os.environ.get("PATH", ""), **environ},
            capture_output=True,
            text=True,
            check=True,
        )
    # Commands speak the default language, Bokmål.
    assert "er ikke tom; gjenopprett til en ny, tom database" in refused.value.stderr


def test_restore_refuses_a_missing_media_archive(tmp_path):
    dump = tmp_path / "handlingsplan-20260101T000000Z.dump"
    dump.write_bytes(b"x")
    with pytest.raises(CommandError, match="media.tar.gz"):
        call_command("restore", str(dump))
