"""What the benchmarks share: the scratch database and their sections of docs/performance.md."""

import sys
from pathlib import Path
from urllib.parse import urlparse


def scratch_url(database_url, work):
    """The scratch database: ``database_url``, or a SQLite file in ``work``. Its name must
    contain "bench", because the benchmark drops and recreates it."""
    url = database_url or f"sqlite:///{Path(work) / 'bench.sqlite3'}"
    name = urlparse(url).path.rsplit("/", 1)[-1]
    if "bench" not in name:
        sys.exit(f"Refusing to use {name!r}: the scratch database's name must contain 'bench'.")
    return url


def recreate_database(url):
    """Drop and create the scratch database (PostgreSQL) or remove the file (SQLite)."""
    parsed = urlparse(url)
    if parsed.scheme.startswith("sqlite"):
        Path(parsed.path).unlink(missing_ok=True)
        return
    import psycopg

    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def write_section(path, text, start, end):
    """Put ``text`` (which begins with ``start`` and ends with ``end``) in place of the section
    between those markers in the file at ``path``, or append it."""
    path = Path(path)
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1]
        current = before + text + after
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(current, encoding="utf-8")
