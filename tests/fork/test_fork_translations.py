"""A forked or imported plan's English pages are managed by wagtail-localize from the start.

After a fork (the admin's "New plan based on …") or an import (``import_plan``), every English
page of the new plan has an enabled wagtail-localize translation with every string translated,
opens in the translation editor, and a change made in Bokmål and synced with "Sync translated
pages" reaches the new English page, never the English pages of the plan it came from.
"""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailTestUtils
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationSource,
)

from home.services.branch import branch_groups
from plan.models import ActionPlanPage, MeasurePage
from tests.branches.builders import page_state
from tests.fork.builders import build_source_plan
from tests.fork.test_template_import import TemplateImportTestCase
from tests.translations.steps import untranslated


def segment_rows(source):
    """The ids of every segment, context, string and template of ``source``."""
    rows = set()
    for model in (StringSegment, TemplateSegment, RelatedObjectSegment, OverridableSegment):
        for values in model.objects.filter(source=source).values():
            rows.add((model.__name__, *sorted(values.items())))
    rows.add(TranslationContext.objects.count())
    rows.add(String.objects.count())
    rows.add(Template.objects.count())
    return rows


class ManagedTranslationChecks(WagtailTestUtils):
    """What a new plan's English pages must be, whichever way they were made."""

    user = None

    def english_pages(self, plan):
        en = Locale.objects.get(language_code="en")
        plan_en = plan.get_translation(en)
        return list(Page.objects.descendant_of(plan_en, inclusive=True).specific())

    def assert_managed(self, plan):
        pages = self.english_pages(plan)
        self.assertEqual(len(pages), 6)  # the plan, 2 strategies, 3 measures
        for page in pages:
            translation = Translation.objects.get(
                source__object_id=page.translation_key,
                source__locale=plan.locale,
                target_locale=page.locale,
            )
            self.assertTrue(translation.enabled)
            self.assertEqual(untranslated(translation), [], page)
            self.assert_as_wagtail_localize_records(translation.source)

    def assert_as_wagtail_localize_records(self, source):
        """wagtail-localize's own ``refresh_segments`` finds every row in place: it creates
        and deletes nothing, and every context has its field path."""
        before = segment_rows(source)
        source.refresh_segments()
        self.assertEqual(segment_rows(source), before)
        self.assertFalse(TranslationContext.objects.filter(field_path="").exists())

    def assert_opens_and_syncs(self, plan, original_english_ids):
        measure = MeasurePage.objects.descendant_of(plan).first()
        english = measure.get_translation(Locale.objects.get(language_code="en")).specific
        self.client.force_login(self.user)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.templates[0].name, "wagtail_localize/admin/edit_translation.html")
        # "Sync translated pages" is offered on the Bokmål page.
        source = TranslationSource.objects.get_for_instance(measure)
        sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk]))
        self.assertContains(response, sync_url)

        originals = page_state(original_english_ids)
        recurring = not measure.is_recurring
        measure.is_recurring = recurring
        measure.title = f"{measure.title} (endret)"
        measure.save_revision(user=self.user).publish()
        with self.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes then
            response = self.client.post(sync_url, {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)

        english.refresh_from_db()
        self.assertEqual(english.is_recurring, recurring)  # the synchronised value reached it
        self.assertTrue(english.live)
        translation = Translation.objects.get(source=source, target_locale=english.locale)
        self.assertEqual(untranslated(translation), [measure.title])
        self.assertEqual(page_state(original_english_ids), originals)


class ForkTranslationTests(ManagedTranslationChecks, TestCase):
    def setUp(self):
        self.source = build_source_plan()
        self.user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.editor = get_user_model().objects.create_user("troms", password="pw")
        self.editor.groups.add(branch_groups(self.source.troms)[0])

    def test_a_fork_is_managed_by_wagtail_localize(self):
        english_ids = [
            page.pk for page in Page.objects.descendant_of(self.source.plan_en, inclusive=True)
        ]
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("plan_fork", args=[self.source.troms.pk]),
            {"source": self.source.plan.pk, "period": "2026-2027"},
        )
        self.assertEqual(response.status_code, 302)
        plan = ActionPlanPage.objects.child_of(self.source.troms).get()
        self.assert_managed(plan)
        self.assert_opens_and_syncs(plan, english_ids)


class ImportTranslationTests(ManagedTranslationChecks, TemplateImportTestCase):
    def test_an_import_is_managed_by_wagtail_localize(self):
        self.user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        english_ids = [
            page.pk for page in Page.objects.descendant_of(self.source.plan_en, inclusive=True)
        ]
        self.run_import(self.document)
        plan = ActionPlanPage.objects.child_of(self.finnmark).get()
        self.assert_managed(plan)
        self.assert_opens_and_syncs(plan, english_ids)
