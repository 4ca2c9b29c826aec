"""The generation's ``stamp`` (``changed_at`` in microseconds) and the one-row constraint that
lets a cache hit read the table without a WHERE clause."""

from datetime import UTC, datetime, timedelta

from django.db import migrations, models

GENERATION_PK = 1


def fill_stamp(apps, schema_editor):
    """Give the row its stamp, and drop any row but the one the code writes (none is expected:
    only ``cms.api.generation`` writes this table, always with ``GENERATION_PK``)."""
    ContentGeneration = apps.get_model("api", "ContentGeneration")
    ContentGeneration.objects.exclude(pk=GENERATION_PK).delete()
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    for generation in ContentGeneration.objects.all():
        changed_at = generation.changed_at
        if changed_at.tzinfo is None:
            changed_at = changed_at.replace(tzinfo=UTC)
        generation.stamp = (changed_at - epoch) // timedelta(microseconds=1)
        generation.save(update_fields=["stamp"])


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0007_upper_title_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentgeneration",
            name="stamp",
            field=models.BigIntegerField(default=0, editable=False, verbose_name="stamp"),
        ),
        migrations.RunPython(fill_stamp, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="contentgeneration",
            constraint=models.CheckConstraint(
                condition=models.Q(pk=1), name="api_contentgeneration_one_row"
            ),
        ),
    ]
