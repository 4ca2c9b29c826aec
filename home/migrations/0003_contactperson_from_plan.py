"""Contact persons move from ``plan`` to ``home``, beside the branches they belong to.

The model takes over ``plan``'s table as it is (state only); ``0004`` renames the table.
"""

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('assets', '0001_initial'),
        ('home', '0002_initial'),
        ('plan', '0003_forked_from_install'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContactPerson',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('unofficial_translation', models.BooleanField(default=False, help_text='Tick when this text is a working translation that has not been approved. The website shows a notice with it.', verbose_name='unofficial translation')),
                        ('name', models.CharField(help_text='Full name.', max_length=255, verbose_name='name')),
                        ('role', models.CharField(blank=True, help_text='E.g. "Ansvarlig rådgiver".', max_length=255, verbose_name='role')),
                        ('phone', models.CharField(blank=True, help_text='E.g. "+47 990 35 524".', max_length=32, verbose_name='work phone')),
                        ('email', models.EmailField(blank=True, help_text='Work e-mail address.', max_length=254, verbose_name='work e-mail')),
                        ('photo_consent', models.BooleanField(default=False, help_text='Tick only when the person has agreed that the photo may be published.', verbose_name='consent to show photo')),
                        ('branch', models.ForeignKey(blank=True, help_text='The county branch this person works for. Empty for national staff.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.branchpage', verbose_name='branch')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('photo', models.ForeignKey(blank=True, help_text='Portrait. Shown only when consent is recorded below.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='assets.creditedimage', verbose_name='photo')),
                    ],
                    options={
                        'db_table': 'plan_contactperson',
                        'verbose_name': 'contact person',
                        'verbose_name_plural': 'contact persons',
                        'ordering': ['name'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.AlterField(
                    model_name='branchcontact',
                    name='contact',
                    field=models.ForeignKey(help_text='The person to contact.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='home.contactperson', verbose_name='contact person'),
                ),
            ],
            database_operations=[],
        ),
    ]
