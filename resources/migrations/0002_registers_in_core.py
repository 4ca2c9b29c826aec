"""Co-organisers and target groups of events point at the registers' new home in ``core``."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_registers_from_plan'),
        ('resources', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventcoorganiser',
                    name='organisation',
                    field=models.ForeignKey(help_text='Choose the organisation (add it under Snippets if it is missing).', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organisation', verbose_name='organisation'),
                ),
                migrations.AlterField(
                    model_name='eventtargetgroup',
                    name='target_group',
                    field=models.ForeignKey(help_text='Who this is for.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.targetgroup', verbose_name='target group'),
                ),
            ],
            database_operations=[],
        ),
    ]
