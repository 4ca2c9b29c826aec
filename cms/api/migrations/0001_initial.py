from django.db import migrations, models
from django.utils import timezone


def create_generation(apps, schema_editor):
    ContentGeneration = apps.get_model("api", "ContentGeneration")
    ContentGeneration.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.PositiveBigIntegerField(default=1, verbose_name="generation")),
                ("changed_at", models.DateTimeField(verbose_name="changed at")),
            ],
            options={
                "verbose_name": "content generation",
                "verbose_name_plural": "content generations",
            },
        ),
        migrations.RunPython(create_generation, migrations.RunPython.noop),
    ]
