"""The shared registers (organisations, target groups, goals) move from ``plan`` to ``core``.

The models take over ``plan``'s tables as they are (state only); ``0002`` renames the tables.
"""

import django.core.validators
import django.db.models.deletion
import modelsearch.index
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('plan', '0003_forked_from_install'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Organisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('unofficial_translation', models.BooleanField(default=False, help_text='Tick when this text is a working translation that has not been approved. The website shows a notice with it.', verbose_name='unofficial translation')),
                        ('name', models.CharField(help_text="The organisation's name.", max_length=255, verbose_name='name')),
                        ('short_name', models.CharField(blank=True, help_text='Abbreviation, e.g. "KS".', max_length=64, verbose_name='short name')),
                        ('kind', models.CharField(blank=True, choices=[('public', 'Public body'), ('municipal', 'Municipality or municipal body'), ('education', 'University or college'), ('association', 'Association or interest organisation'), ('private', 'Private company'), ('other', 'Other')], help_text='What kind of organisation this is.', max_length=32, verbose_name='kind')),
                        ('website', models.URLField(blank=True, help_text="The organisation's website.", verbose_name='website')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'plan_organisation',
                        'verbose_name': 'organisation',
                        'verbose_name_plural': 'organisations',
                        'ordering': ['name'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='SustainableDevelopmentGoal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('unofficial_translation', models.BooleanField(default=False, help_text='Tick when this text is a working translation that has not been approved. The website shows a notice with it.', verbose_name='unofficial translation')),
                        ('number', models.PositiveSmallIntegerField(help_text="The goal's number, 1 to 17.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(17)], verbose_name='number')),
                        ('title', models.CharField(help_text='E.g. "Samarbeid for å nå målene".', max_length=255, verbose_name='title')),
                        ('description', models.TextField(blank=True, help_text='A short description of the goal.', verbose_name='description')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'plan_sustainabledevelopmentgoal',
                        'verbose_name': 'sustainable development goal',
                        'verbose_name_plural': 'sustainable development goals',
                        'ordering': ['number'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'number'), name='unique_goal_number_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                            ),
                migrations.CreateModel(
                    name='TargetGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('unofficial_translation', models.BooleanField(default=False, help_text='Tick when this text is a working translation that has not been approved. The website shows a notice with it.', verbose_name='unofficial translation')),
                        ('name', models.CharField(help_text='E.g. "Kulturskoleledere".', max_length=255, verbose_name='name')),
                        ('description', models.TextField(blank=True, help_text='Who belongs to this group, if not obvious.', verbose_name='description')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'plan_targetgroup',
                        'verbose_name': 'target group',
                        'verbose_name_plural': 'target groups',
                        'ordering': ['name'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
