"""An index of the paths of unpublished pages (PostgreSQL only).

The public-page rule (``core.visibility``) leaves out pages below an unpublished one: each of
its queries looked for unpublished ancestors by reading every page (there is no index on
``live``). Unpublished pages are few; this partial index holds only their paths.
"""

from django.db import migrations

INDEX = "api_page_unpublished_path"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path) WHERE NOT live"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("api", "0005_full_text_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
