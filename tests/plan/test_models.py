"""Rules of the plan's content model: periods, measure status, timing, photos and goals."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import SustainableDevelopmentGoal
from core.translation import translate_snippet
from plan.models import ActionPlanPage, MeasurePage, MeasureStatusUpdate
from tests.factories import (
    ContactPersonFactory,
    CreditedImageFactory,
    EventPageFactory,
    MeasurePageFactory,
    SustainableDevelopmentGoalFactory,
    locale,
    make_plan,
)


class PlanPeriodTests(WagtailPageTestCase):
    """A plan's period runs from its first to its last year, never backwards."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_plan(strategies=0)

    def test_full_clean_refuses_a_period_that_ends_before_it_starts(self):
        plan = ActionPlanPage.objects.get(pk=self.tree.plan.pk)
        plan.period_start, plan.period_end = 2025, 2024
        with self.assertRaises(ValidationError) as raised:
            plan.full_clean()
        self.assertIn("period_end", raised.exception.message_dict)

    def test_one_year_period_and_year_bounds(self):
        plan = ActionPlanPage.objects.get(pk=self.tree.plan.pk)
        plan.period_start = plan.period_end = 2025
        plan.full_clean()
        plan.period_start = 1999
        with self.assertRaises(ValidationError) as raised:
            plan.full_clean()
        self.assertIn("period_start", raised.exception.message_dict)

    def test_admin_shows_the_error_and_creates_nothing(self):
        self.login()
        count = ActionPlanPage.objects.count()
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["plan", "actionplanpage", self.tree.branch.pk]),
            nested_form_data(
                {
                    "title": "Handlingsplan baklengs",
                    "slug": "baklengs",
                    "period_start": "2025",
                    "period_end": "2024",
                    "stage": "proposed",
                    "definitions": streamfield([]),
                    "quotes": streamfield([]),
                    "action-publish": "1",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("period_end", response.context["form"].errors)
        self.assertEqual(ActionPlanPage.objects.count(), count)

    def test_database_refuses_a_backwards_period(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            ActionPlanPage.objects.filter(pk=self.tree.plan.pk).update(period_start=2026)

    def test_period_label(self):
        self.assertEqual(self.tree.plan.period_label, "2024–2025")
        self.assertEqual(ActionPlanPage(period_start=2026, period_end=2026).period_label, "2026")

    def test_covers_year(self):
        self.assertEqual(
            [year for year in range(2023, 2027) if self.tree.plan.covers_year(year)], [2024, 2025]
        )


class MeasureStatusTests(TestCase):
    """A measure's status is that of its latest update by date; planned until the first one."""

    @classmethod
    def setUpTestData(cls):
        strategy = make_plan(strategies=1, measures_per_strategy=0).strategies[0]

        def measure(title, *updates):
            return MeasurePageFactory(
                parent=strategy,
                title=title,
                status_updates=[
                    MeasureStatusUpdate(date=day, status=status, sort_order=order)
                    for day, status, order in updates
                ],
            )

        cls.expected = {
            measure("Uten oppdatering"): "planned",
            # Entered newest first: the date decides, not the order of the rows.
            measure(
                "Fullført",
                (date(2025, 6, 1), "completed", None),
                (date(2025, 1, 15), "ongoing", None),
            ): "completed",
            measure(
                "Avlyst",
                (date(2024, 9, 1), "ongoing", None),
                (date(2025, 2, 1), "cancelled", None),
            ): "cancelled",
            # Two updates on the same day, saved without an order: the one saved last wins.
            measure(
                "Samme dag",
                (date(2025, 3, 1), "ongoing", None),
                (date(2025, 3, 1), "completed", None),
            ): "completed",
            # Ordered in the admin: the one placed last wins, whenever it was saved.
            measure(
                "Ordnet",
                (date(2025, 3, 1), "cancelled", 1),
                (date(2025, 3, 1), "ongoing", 0),
            ): "cancelled",
        }

    def test_current_status_property(self):
        for measure, status in self.expected.items():
            with self.subTest(measure=measure.title):
                fresh = MeasurePage.objects.get(pk=measure.pk)
                self.assertEqual(fresh.current_status, status)

    def test_current_status_expression_agrees_with_the_property(self):
        annotated = dict(
            MeasurePage.objects.annotate(
                status=MeasurePage.current_status_expression()
            ).values_list("title", "status")
        )
        self.assertEqual(
            annotated, {measure.title: status for measure, status in self.expected.items()}
        )

    def test_filter_by_current_status(self):
        completed = MeasurePage.objects.annotate(
            status=MeasurePage.current_status_expression()
        ).filter(status="completed")
        self.assertEqual(sorted(m.title for m in completed), ["Fullført", "Samme dag"])

    def test_new_update_changes_the_status(self):
        measure = MeasurePage.objects.get(title="Fullført")
        MeasureStatusUpdate.objects.create(page=measure, date=date(2025, 7, 1), status="ongoing")
        self.assertEqual(MeasurePage.objects.get(pk=measure.pk).current_status, "ongoing")
        status = (
            MeasurePage.objects.annotate(status=MeasurePage.current_status_expression())
            .get(pk=measure.pk)
            .status
        )
        self.assertEqual(status, "ongoing")


class TimingTests(TestCase):
    """Measures and events cannot end before they start."""

    @classmethod
    def setUpTestData(cls):
        tree = make_plan(strategies=1, measures_per_strategy=1)
        cls.measure = tree.measures[0]
        cls.event = EventPageFactory(parent__parent=tree.branch)

    def test_end_before_start_is_refused(self):
        for page in [self.measure, self.event]:
            with self.subTest(page=type(page).__name__):
                page = type(page).objects.get(pk=page.pk)
                page.start_date, page.end_date = date(2025, 5, 2), date(2025, 5, 1)
                with self.assertRaises(ValidationError) as raised:
                    page.full_clean()
                self.assertIn("end_date", raised.exception.message_dict)

    def test_one_day_open_ended_and_undated_are_accepted(self):
        for page in [self.measure, self.event]:
            for start, end in [
                (date(2025, 5, 1), date(2025, 5, 1)),
                (date(2025, 5, 1), None),
                (None, date(2025, 5, 1)),
                (None, None),
            ]:
                with self.subTest(page=type(page).__name__, start=start, end=end):
                    page = type(page).objects.get(pk=page.pk)
                    page.start_date, page.end_date = start, end
                    page.full_clean()


class ContactPersonPhotoTests(TestCase):
    """A contact person's photo is public only with their consent."""

    @classmethod
    def setUpTestData(cls):
        cls.photo = CreditedImageFactory()

    def test_public_photo_needs_consent(self):
        self.assertIsNone(ContactPersonFactory(photo=self.photo).public_photo)
        self.assertEqual(
            ContactPersonFactory(photo=self.photo, photo_consent=True).public_photo, self.photo
        )
        self.assertIsNone(ContactPersonFactory(photo_consent=True).public_photo)


class GoalNumberTests(TestCase):
    """Each of the 17 goals exists once per language."""

    @classmethod
    def setUpTestData(cls):
        cls.goal = SustainableDevelopmentGoalFactory(number=4, title="God utdanning")

    def test_same_number_twice_in_one_locale_is_refused(self):
        duplicate = SustainableDevelopmentGoal(
            number=4, title="Utdanning igjen", locale=self.goal.locale
        )
        with self.assertRaises(ValidationError):
            duplicate.full_clean()
        with self.assertRaises(IntegrityError), transaction.atomic():
            duplicate.save()

    def test_same_number_in_another_locale_is_accepted(self):
        english = translate_snippet(self.goal, locale("en"), title="Quality education")
        self.assertEqual((english.number, english.locale.language_code), (4, "en"))
        self.assertEqual(SustainableDevelopmentGoal.objects.filter(number=4).count(), 2)

    def test_number_must_be_one_to_seventeen(self):
        for number in [0, 18]:
            with self.subTest(number=number), self.assertRaises(ValidationError):
                SustainableDevelopmentGoal(
                    number=number, title="Ugyldig", locale=self.goal.locale
                ).full_clean()
