"""The admin view "New plan based on …": who may use it, and what it creates."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from home.services.branch import branch_groups
from plan.models import ActionPlanPage, PlanJob
from tests.fork.builders import SOURCE_PLAN


def _editor(username, group):
    user = get_user_model().objects.create_user(username=username, password="pw")
    user.groups.add(group)
    return user


class ForkAdminViewTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.troms_editor = _editor("troms", branch_groups(cls.source.troms)[0])
        cls.url = reverse("plan_fork", args=[cls.source.troms.pk])

    def setUp(self):
        self.client.force_login(self.troms_editor)

    def test_editor_sees_the_form_and_the_button_on_their_branch(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Handlingsplan 2024–2025")
        explore = self.client.get(reverse("wagtailadmin_explore", args=[self.source.troms.pk]))
        self.assertContains(explore, self.url)

    def test_editor_forks_a_plan_of_another_branch_into_their_own(self):
        response = self.client.post(
            self.url, {"source": self.source.plan.pk, "period": "2026-2027"}
        )
        plan = ActionPlanPage.objects.child_of(self.source.troms).get()
        job = PlanJob.objects.get()
        self.assertRedirects(response, reverse("plan_job", args=[job.pk]))
        self.assertEqual(job.plan, plan)
        self.assertFalse(plan.live)
        self.assertEqual(plan.forked_from_plan_id, self.source.plan.pk)
        self.assertEqual(plan.latest_revision.user, self.troms_editor)
        self.assertEqual(plan.get_descendants().count(), 5)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk]))
        self.assertContains(edit, str(plan.forked_from_key))

    def test_bad_period_shows_an_error_and_creates_nothing(self):
        before = Page.objects.count()
        response = self.client.post(self.url, {"source": self.source.plan.pk, "period": "2027-26"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["period"])
        self.assertEqual(Page.objects.count(), before)

    def test_editor_without_add_permission_on_the_target_branch_gets_403(self):
        before = Page.objects.count()
        nordland_url = reverse("plan_fork", args=[self.source.nordland.pk])
        self.assertEqual(self.client.get(nordland_url).status_code, 403)
        response = self.client.post(
            nordland_url, {"source": self.source.plan.pk, "period": "2026-2027"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Page.objects.count(), before)
        # The explorer leads a Troms editor from Nordland to Troms (access.explorer).
        explore = self.client.get(
            reverse("wagtailadmin_explore", args=[self.source.nordland.pk]), follow=True
        )
        self.assertNotContains(explore, nordland_url)

    def test_english_branch_page_forks_into_the_branch(self):
        troms_en = self.source.troms.get_translation(self.source.plan_en.locale)
        url = reverse("plan_fork", args=[troms_en.pk])
        response = self.client.post(url, {"source": self.source.plan.pk, "period": "2026-2027"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ActionPlanPage.objects.child_of(troms_en).count(), 1)
