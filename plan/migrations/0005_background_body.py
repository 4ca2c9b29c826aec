"""The background becomes an ordered body of text and definition blocks.

Each plan's background text becomes a text block followed by its definitions (no text is
lost; a trailing copy of the development area's description is dropped, as it is kept in its
own field). Saved revisions and wagtail-localize's translation sources are converted the same
way, so drafts and translation syncs keep their text. The cover image gets a caption line.
"""

import json

import wagtail.fields
from django.db import migrations, models

from plan.content.background import background_from_parts


def _loads(value):
    if isinstance(value, str):
        try:
            return json.loads(value) if value else []
        except ValueError:
            return []
    return value or []


def _to_body(content):
    """Convert a serialized plan (revision or translation source content) in place."""
    if "definitions" not in content and not isinstance(content.get("background"), str):
        return False
    background = content.get("background")
    if isinstance(background, str) and background.lstrip().startswith("["):
        return False  # already a body
    definitions = _loads(content.pop("definitions", []))
    body = background_from_parts(
        background or "", definitions, content.get("development_area_description", "")
    )
    content["background"] = json.dumps(body)
    return True


def _to_parts(content):
    body = _loads(content.get("background"))
    if not isinstance(body, list):
        return False
    content["background"] = "".join(b["value"] for b in body if b["type"] == "text")
    content["definitions"] = json.dumps([b for b in body if b["type"] == "definition"])
    return True


def _convert_stored(apps, convert):
    ContentType = apps.get_model("contenttypes", "ContentType")
    try:
        content_type = ContentType.objects.get(app_label="plan", model="actionplanpage")
    except ContentType.DoesNotExist:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type_id=content_type.pk).iterator():
        if isinstance(revision.content, dict) and convert(revision.content):
            revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type_id=content_type.pk):
        content = json.loads(source.content_json)
        if convert(content):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def forwards(apps, schema_editor):
    ActionPlanPage = apps.get_model("plan", "ActionPlanPage")
    for plan in ActionPlanPage.objects.all():
        plan.background_body = background_from_parts(
            plan.background, list(plan.definitions.raw_data), plan.development_area_description
        )
        plan.save(update_fields=["background_body"])
    _convert_stored(apps, _to_body)


def backwards(apps, schema_editor):
    ActionPlanPage = apps.get_model("plan", "ActionPlanPage")
    for plan in ActionPlanPage.objects.all():
        body = list(plan.background_body.raw_data)
        plan.background = "".join(b["value"] for b in body if b["type"] == "text")
        plan.definitions = [b for b in body if b["type"] == "definition"]
        plan.save(update_fields=["background", "definitions"])
    _convert_stored(apps, _to_parts)


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0004_registers_leave_plan"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="actionplanpage",
            name="background_body",
            field=wagtail.fields.StreamField(
                [("text", 0), ("definition", 5)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "h3",
                                "h4",
                                "bold",
                                "italic",
                                "ol",
                                "ul",
                                "link",
                                "document-link",
                            ],
                            "icon": "pilcrow",
                            "label": "Text",
                        },
                    ),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": 'The word defined, e.g. "Samhandling".', "label": "Term"},
                    ),
                    2: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": ["bold", "italic", "link", "ol", "ul"],
                            "help_text": "The definition, quoted or in your own words.",
                            "label": "Definition",
                        },
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": 'Where the definition comes from, e.g. "Store norske leksikon".',
                            "label": "Source",
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "A link to the source, if online.",
                            "label": "Source link",
                            "required": False,
                        },
                    ),
                    5: (
                        "wagtail.blocks.StructBlock",
                        [[("term", 1), ("definition", 2), ("source", 3), ("source_url", 4)]],
                        {},
                    ),
                },
                help_text='Chapter 2 after the adopted development area: text and definitions in the order they are read, each definition with its term, text and source. Write lead-ins such as "Begrepet kan defineres slik:" in the text before a definition.',
                verbose_name="background",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="actionplanpage", name="definitions"),
        migrations.RemoveField(model_name="actionplanpage", name="background"),
        migrations.RenameField(
            model_name="actionplanpage", old_name="background_body", new_name="background"
        ),
        migrations.AddField(
            model_name="actionplanpage",
            name="cover_image_caption",
            field=models.CharField(
                blank=True,
                help_text='The line printed under the cover image, e.g. "Bilde hentet fra Kulturskolerådets bildearkiv". The image\'s credit line is printed with the contact information.',
                max_length=255,
                verbose_name="cover image caption",
            ),
        ),
        migrations.AlterField(
            model_name="actionplanpage",
            name="development_area_description",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="What the development area means for the branch in this period; it closes chapter 2, after the background.",
                verbose_name="development area description",
            ),
        ),
    ]
