"""The registers' tables get ``core``'s names (the rows, keys and references stay)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_registers_from_plan'),
        ('plan', '0004_registers_leave_plan'),
    ]

    operations = [
        migrations.AlterModelTable(name='organisation', table=None),
        migrations.AlterModelTable(name='sustainabledevelopmentgoal', table=None),
        migrations.AlterModelTable(name='targetgroup', table=None),
    ]
