"""pg_trgm for the API's search (compound-word parts and small typos), on PostgreSQL only."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TITLE_INDEX = "api_page_title_trgm"


def create_title_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TITLE_INDEX} "
            "ON wagtailcore_page USING gin (title gin_trgm_ops)"
        )


def drop_title_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        TrigramExtension(),  # a no-op on other databases
        migrations.RunPython(create_title_index, drop_title_index),
    ]
