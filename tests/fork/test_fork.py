"""Forking a plan inside the install: what the copy holds, what it drops, and bad input."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper
from django.test import TestCase
from django.utils import translation
from wagtail.models import Page

from plan.management.progress import ProgressBar
from plan.models import ActionPlanPage, MeasurePage, MeasureStatusUpdate, StrategyPage
from plan.services.fork import fork_plan
from plan.services.plan_tree import ForkError, parse_period
from tests.fork.builders import SOURCE_PLAN


def _by_language(result, model, lang):
    return sorted(
        (
            page
            for (_key, code), page in result.pages.items()
            if isinstance(page, model) and code == lang
        ),
        key=lambda page: page.path,
    )


class ForkResultTests(TestCase):
    """Nordland's plan forked into Troms for 2026–2027, and into Nordland structure-only."""

    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.result = fork_plan(cls.source.plan, cls.source.troms, (2026, 2027))
        cls.structure = fork_plan(
            cls.source.plan, cls.source.nordland, (2026, 2027), structure_only=True
        )

    def test_counts_in_every_language(self):
        for lang in ("nb", "en"):
            with self.subTest(lang=lang):
                self.assertEqual(len(_by_language(self.result, ActionPlanPage, lang)), 1)
                self.assertEqual(len(_by_language(self.result, StrategyPage, lang)), 2)
                self.assertEqual(len(_by_language(self.result, MeasurePage, lang)), 3)
        troms_en = self.source.troms.get_translation(self.source.plan_en.locale)
        self.assertEqual(ActionPlanPage.objects.child_of(self.source.troms).count(), 1)
        self.assertEqual(ActionPlanPage.objects.child_of(troms_en).count(), 1)

    def test_copies_are_drafts_with_one_revision(self):
        for page in self.result.pages.values():
            page.refresh_from_db()
            self.assertFalse(page.live, page)
            self.assertTrue(page.has_unpublished_changes, page)
            self.assertEqual(page.revisions.count(), 1, page)
        self.assertTrue(self.source.plan.specific.live)

    def test_period_title_and_slug(self):
        plan = self.result.plan
        self.assertEqual((plan.period_start, plan.period_end), (2026, 2027))
        self.assertEqual(plan.title, "Handlingsplan 2026–2027")
        self.assertEqual(plan.slug, "handlingsplan-2026-2027")
        self.assertEqual(plan.get_parent().pk, self.source.troms.pk)
        plan_en = _by_language(self.result, ActionPlanPage, "en")[0]
        self.assertEqual(plan_en.title, "Handlingsplan 2026–2027 (en)")

    def test_translations_are_linked_to_each_other_not_to_the_source(self):
        for (key, _lang), page in self.result.pages.items():
            other = self.result.pages[key, "en" if page.locale.language_code == "nb" else "nb"]
            self.assertEqual(page.translation_key, other.translation_key)
            self.assertNotEqual(str(page.translation_key), key)
        plan_en = _by_language(self.result, ActionPlanPage, "en")[0]
        self.assertEqual(self.result.plan.get_translation(plan_en.locale).pk, plan_en.pk)

    def test_provenance_names_the_source_plan_and_node(self):
        source_keys = {str(p.translation_key): p for p in self.source.plan.get_descendants()}
        source_keys[str(self.source.plan.translation_key)] = self.source.plan
        for (key, lang), page in self.result.pages.items():
            self.assertEqual(str(page.forked_from_key), key)
            self.assertIn(key, source_keys)
            expected_plan = self.source.plan if lang == "nb" else self.source.plan_en
            self.assertEqual(page.forked_from_plan_id, expected_plan.pk)
            self.assertEqual(page.forked_from_install, "")

    def test_status_updates_and_dates_are_not_copied(self):
        measures = [p for p in self.result.pages.values() if isinstance(p, MeasurePage)]
        self.assertFalse(MeasureStatusUpdate.objects.filter(page__in=measures).exists())
        self.assertTrue(MeasureStatusUpdate.objects.filter(page__in=self.source.measures).exists())
        for measure in measures:
            self.assertIsNone(measure.start_date)
            self.assertIsNone(measure.end_date)
            self.assertEqual(measure.timing_text, "høsten 2024")
        self.assertIsNone(self.result.plan.development_area_adopted_on)
        self.assertEqual(self.result.plan.stage, ActionPlanPage.Stage.PROPOSED)

    def test_contact_persons_of_another_branch_are_dropped(self):
        self.assertIsNone(self.result.plan.contact_person)
        measure = _by_language(self.result, MeasurePage, "nb")[0]
        self.assertEqual(
            {row.contact for row in measure.contacts.all()},
            {self.source.national_contact, self.source.troms_contact},
        )
        self.assertTrue(any("Nordland Rådgiver" in line for line in self.result.report))
        # Forking into Nordland keeps Nordland's own contact persons.
        self.assertEqual(self.structure.plan.contact_person, self.source.nordland_contact)

    def test_snippets_events_and_resources_are_linked_not_copied(self):
        nb = _by_language(self.result, MeasurePage, "nb")[0]
        en = _by_language(self.result, MeasurePage, "en")[0]
        self.assertEqual([r.event for r in nb.related_events.all()], [self.source.event])
        self.assertEqual([r.resource for r in nb.related_resources.all()], [self.source.resource])
        self.assertEqual(nb.partners.get().role, "co_organiser")
        partner_en = en.partners.get().organisation
        self.assertEqual(partner_en.locale.language_code, "en")
        self.assertEqual(partner_en.translation_key, nb.partners.get().organisation.translation_key)
        self.assertEqual([g.goal.number for g in en.goals.all()], [4, 17])
        self.assertEqual(self.result.plan.cover_image, self.source.image)
        plan_en = _by_language(self.result, ActionPlanPage, "en")[0]
        self.assertEqual(self.result.plan.cover_image_alt, "Nordlys over fjellet.")
        self.assertEqual(plan_en.cover_image_alt, "Northern lights over the mountain.")
        self.assertEqual(self.result.plan.quotes[0].value["resource"].pk, self.source.resource.pk)

    def test_links_inside_the_plan_point_at_the_copies(self):
        last_measure = _by_language(self.result, MeasurePage, "nb")[-1]
        background = self.result.plan.background[-1].value.source
        self.assertIn(f'<a linktype="page" id="{last_measure.pk}">tiltaket</a>', background)
        self.assertIn(f'<a linktype="page" id="{self.source.event.pk}">', background)
        plan_en = _by_language(self.result, ActionPlanPage, "en")[0]
        last_measure_en = _by_language(self.result, MeasurePage, "en")[-1]
        self.assertIn(f'id="{last_measure_en.pk}"', plan_en.background[-1].value.source)
        self.assertEqual(
            [block.block_type for block in self.result.plan.background],
            ["text", "definition", "text"],
        )

    def test_structure_only_keeps_titles_and_leads_and_empties_texts(self):
        plan = self.structure.plan
        self.assertEqual(plan.title, "Handlingsplan 2026–2027")
        self.assertEqual(plan.development_area_title, "Samhandling")
        self.assertEqual((plan.introduction, plan.overall_goal), ("", ""))
        self.assertEqual(len(plan.background), 0)
        self.assertEqual(len(plan.quotes), 0)
        strategies = _by_language(self.structure, StrategyPage, "nb")
        self.assertEqual([s.title for s in strategies], ["Informere", "Samarbeide"])
        self.assertEqual(strategies[0].lead, self.source.strategies[0].lead)
        self.assertEqual(strategies[0].summary, "")
        for measure in _by_language(self.structure, MeasurePage, "nb"):
            self.assertEqual((measure.summary, measure.body, measure.timing_text), ("", "", ""))
            self.assertTrue(measure.partners.exists())


class ForkErrorTests(TestCase):
    """Bad input is refused with a clear message and changes nothing."""

    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()

    def assert_refused(self, message, **kwargs):
        before = Page.objects.count()
        options = {"branch": "troms", "period": "2026-2027", **kwargs}
        plan = options.pop("plan", self.source.plan.pk)
        with translation.override("en"), self.assertRaisesMessage(CommandError, message):
            call_command("fork_plan", str(plan), stdout=StringIO(), **options)
        self.assertEqual(Page.objects.count(), before)

    def test_unknown_plan(self):
        self.assert_refused("no action plan with the id 999999", plan=999999)

    def test_plan_that_is_not_live(self):
        self.source.plan.unpublish()
        self.assert_refused("is not published", plan=self.source.plan.pk)

    def test_unknown_branch(self):
        self.assert_refused("no branch with the slug “finnmark”", branch="finnmark")

    def test_bad_periods(self):
        for period, message in (
            ("neste år", "Invalid period"),
            ("2027-2026", "starts (2027) after it ends (2026)"),
            ("1999-2000", "between 2000 and 2100"),
        ):
            with self.subTest(period=period):
                self.assert_refused(message, period=period)

    def test_slug_and_period_clash_with_an_existing_plan(self):
        self.assert_refused(
            "already has a page with the slug", branch="nordland", period="2024-2025"
        )
        self.assert_refused("already has a plan for 2024–2025", branch="nordland", period="2025")

    def test_parse_period(self):
        self.assertEqual(parse_period("2026–2027"), (2026, 2027))
        self.assertEqual(parse_period(" 2026 "), (2026, 2026))
        with self.assertRaises(ForkError):
            parse_period("")

    def test_command_reports_the_new_plan(self):
        out = StringIO()
        with translation.override("en"):
            call_command(
                "fork_plan",
                str(self.source.plan.pk),
                branch="troms",
                period="2026-2027",
                stdout=out,
            )
        plan = ActionPlanPage.objects.child_of(self.source.troms).get()
        self.assertIn(f"New plan: id {plan.pk}", out.getvalue())
        self.assertIn("12 draft pages", out.getvalue())
        self.assertNotIn("\r", out.getvalue())  # no progress bar when not on a terminal


class FakeTerminal(StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal():
    terminal, pipe = FakeTerminal(), StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(OutputWrapper(stream), "Copying")
        bar(3, 12)
        bar(12, 12)
        bar.finish()
    assert "\rCopying [" + "#" * 30 + "] 12/12\n" in terminal.getvalue()
    assert "3/12" in terminal.getvalue()
    assert pipe.getvalue() == ""
