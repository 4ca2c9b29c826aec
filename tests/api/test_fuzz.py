"""The OpenAPI document and the API agree: schemathesis against a live server.

A fresh install with the demo content is served by gunicorn on a loopback port; schemathesis
generates a bounded number of requests per operation from /api/schema/ (valid and invalid
ones) and checks that no invalid request is accepted, every response has a documented status,
content type and shape, unsupported methods are refused, and nothing is a server error. On
PostgreSQL when the test run uses PostgreSQL (as CI does), else on a SQLite file. Slow (about
three minutes), so it runs with ``make test-slow``.
"""

import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.operations.servers import free_port

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
#: Requests schemathesis generates per operation and phase, and its seed (reproducible runs).
EXAMPLES = 10
SEED = 20260
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "unsupported_method",
]
RUN_SCHEMATHESIS = "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())"


@contextmanager
def scratch_database(tmp_path):
    """A database URL for the install: a new PostgreSQL database (dropped afterwards) when
    the tests run on PostgreSQL, else a SQLite file."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'fuzz.sqlite3'}"
        return
    name = f"handlingsplan_fuzz_{int(time.time())}"
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    server = (
        f"postgres://{credentials}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    )
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(command, env, timeout=600):
    process = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert process.returncode == 0, process.stdout[-5000:] + process.stderr[-5000:]
    return process


@contextmanager
def live_server(env, port):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/", timeout=5):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-3000:]
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_the_api_does_what_its_openapi_document_says(tmp_path):
    with scratch_database(tmp_path) as database_url:
        port = free_port()
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "SECRET_KEY": "fuzz-test-only-key",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(tmp_path / "media"),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CONTENT_LANGUAGES": "nb,en",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
            "LOG_LEVEL": "WARNING",
        }
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([sys.executable, "manage.py", "load_demo_content"], env)
        with live_server(env, port) as base_url:
            process = subprocess.run(
                [sys.executable, "-c", RUN_SCHEMATHESIS, "run", f"{base_url}/api/schema/"]
                + ["--url", base_url, "--checks", ",".join(CHECKS)]
                + ["--max-examples", str(EXAMPLES), "--seed", str(SEED)]
                + ["--phases", "coverage,fuzzing", "--workers", "2", "--no-color"]
                + ["--generation-database", "none", "--request-timeout", "30"],
                cwd=tmp_path,
                env={**env, "SCHEMATHESIS_HOOKS": ""},
                capture_output=True,
                text=True,
                timeout=900,
            )
        failures = process.stdout.partition("= FAILURES =")[2] or process.stdout[-5000:]
        assert process.returncode == 0, failures[:10000] + process.stderr[-3000:]
        assert " passed" in process.stdout
