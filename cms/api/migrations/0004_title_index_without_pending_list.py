"""The title trigram index without GIN's pending list (PostgreSQL only).

With ``fastupdate`` on, new titles wait in a pending list that every search scans in full
until a vacuum merges it; after a bulk build (a fork, an import, a restore) or without
autovacuum that list made a typo or part-of-word match cost milliseconds and steered the
planner away from the index. Without it every write updates the index itself (a few trigrams
per title), and the list left behind is merged now.
"""

from django.db import migrations

TITLE_INDEX = "api_page_title_trgm"


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {TITLE_INDEX} SET (fastupdate = off)")
        schema_editor.execute(
            f"SELECT gin_clean_pending_list('{TITLE_INDEX}'::regclass) "
            f"WHERE to_regclass('{TITLE_INDEX}') IS NOT NULL"
        )


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {TITLE_INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("api", "0003_cache_tags")]

    operations = [migrations.RunPython(without_pending_list, with_pending_list)]
