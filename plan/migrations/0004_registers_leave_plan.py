"""The registers leave ``plan``: organisations, target groups and goals to ``core``, contact
persons to ``home``.

The tables, rows and foreign keys stay (state only); the content types follow the models, so
permissions, translations (wagtail-localize) and log entries keep pointing at them.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = {
    'organisation': 'core',
    'sustainabledevelopmentgoal': 'core',
    'targetgroup': 'core',
    'contactperson': 'home',
}


def move_content_types(apps, schema_editor, forwards=True):
    content_type = apps.get_model('contenttypes', 'ContentType')
    for model, app_label in MOVED.items():
        old, new = ('plan', app_label) if forwards else (app_label, 'plan')
        if not content_type.objects.filter(app_label=new, model=model).exists():
            content_type.objects.filter(app_label=old, model=model).update(app_label=new)


def content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0001_registers_from_plan'),
        ('home', '0003_contactperson_from_plan'),
        ('plan', '0003_forked_from_install'),
        ('resources', '0002_registers_in_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='measurecontact',
                    name='contact',
                    field=models.ForeignKey(help_text='The person to contact.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='home.contactperson', verbose_name='contact person'),
                ),
                migrations.AlterField(
                    model_name='actionplanpage',
                    name='contact_person',
                    field=models.ForeignKey(blank=True, help_text='The person responsible for the plan.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.contactperson', verbose_name='responsible contact person'),
                ),
                migrations.AlterField(
                    model_name='measurepartner',
                    name='organisation',
                    field=models.ForeignKey(help_text='Choose the organisation (add it under Snippets if it is missing).', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organisation', verbose_name='organisation'),
                ),
                migrations.AlterField(
                    model_name='strategygoal',
                    name='goal',
                    field=models.ForeignKey(help_text='The Sustainable Development Goal this contributes to.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.sustainabledevelopmentgoal', verbose_name='goal'),
                ),
                migrations.AlterField(
                    model_name='measuregoal',
                    name='goal',
                    field=models.ForeignKey(help_text='The Sustainable Development Goal this contributes to.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.sustainabledevelopmentgoal', verbose_name='goal'),
                ),
                migrations.AlterField(
                    model_name='measuretargetgroup',
                    name='target_group',
                    field=models.ForeignKey(help_text='Who this is for.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.targetgroup', verbose_name='target group'),
                ),
                migrations.DeleteModel(
                    name='ContactPerson',
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
                migrations.DeleteModel(
                    name='SustainableDevelopmentGoal',
                ),
                migrations.DeleteModel(
                    name='TargetGroup',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, content_types_back),
    ]
