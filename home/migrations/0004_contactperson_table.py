"""The contact persons' table gets ``home``'s name (the rows, keys and references stay)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_contactperson_from_plan'),
        ('plan', '0004_registers_leave_plan'),
    ]

    operations = [
        migrations.AlterModelTable(name='contactperson', table=None),
    ]
