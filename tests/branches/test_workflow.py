"""Editors submit, the branch's approvers are told by e-mail and approve, the page goes live."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from home.services.branch import create_branch
from plan.models import ActionPlanPage, StrategyPage
from tests.branches.builders import make_user
from tests.factories import make_plan


class BranchWorkflowTests(TestCase):
    """Troms with a published plan; an editor and an approver in Troms and in Nordland."""

    @classmethod
    def setUpTestData(cls):
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")
        cls.tree = make_plan(branch=cls.troms.branch, strategies=1, measures_per_strategy=0)
        cls.editor = make_user("troms-redaktor", cls.troms.editors)
        cls.approver = make_user("troms-godkjenner", cls.troms.approvers)
        cls.nordland_approver = make_user("nordland-godkjenner", cls.nordland.approvers)

    def setUp(self):
        self.client.force_login(self.editor)

    def approve(self, page, user):
        state = WorkflowState.objects.active().get(object_id=str(page.pk))
        task_state = state.current_task_state
        self.client.force_login(user)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, {"comment": ""})

    def recipients(self):
        return {address for message in mail.outbox for address in message.to}

    def test_a_new_plan_is_submitted_approved_and_published(self):
        add_url = reverse(
            "wagtailadmin_pages:add", args=["plan", "actionplanpage", self.troms.branch.pk]
        )
        data = nested_form_data(
            {
                "title": "Handlingsplan 2026–2027",
                "slug": "handlingsplan-2026-2027",
                "period_start": "2026",
                "period_end": "2027",
                "stage": "proposed",
                "introduction": rich_text("<p>Innledning.</p>"),
                "development_area_description": rich_text(""),
                "overall_goal": rich_text(""),
                "strategies_introduction": rich_text(""),
                "background": streamfield([]),
                "quotes": streamfield([]),
                "action-submit": "1",
            }
        )

        response = self.client.post(add_url, data)

        self.assertEqual(response.status_code, 302)
        plan = ActionPlanPage.objects.get(period_start=2026)
        self.assertFalse(plan.live)
        self.assertTrue(plan.workflow_in_progress)
        self.assertEqual(plan.get_workflow(), self.troms.workflow)
        self.assertIn(self.approver.email, self.recipients())
        self.assertNotIn(self.nordland_approver.email, self.recipients())
        self.assertNotIn(self.editor.email, self.recipients())
        submitted = next(m for m in mail.outbox if self.approver.email in m.to)
        self.assertIn("Handlingsplan 2026–2027", submitted.subject + submitted.body)

        # Another branch's approver cannot approve it.
        response = self.approve(plan, self.nordland_approver)
        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        self.assertFalse(Page.objects.get(pk=plan.pk).live)

        response = self.approve(plan, self.approver)

        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(response["Location"], reverse("wagtailadmin_home"))
        plan.refresh_from_db()
        self.assertTrue(plan.live)
        self.assertFalse(plan.workflow_in_progress)

    def test_an_edit_is_submitted_and_not_published_by_the_editor(self):
        strategy = StrategyPage.objects.get(pk=self.tree.strategies[0].pk)
        url = reverse("wagtailadmin_pages:edit", args=[strategy.pk])
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        for field in StrategyPage._meta.get_fields():
            if isinstance(field, StreamField):
                data.update(nested_form_data({field.name: streamfield([])}))
        data["title"] = "Samarbeide bedre"

        # The editor's "publish" is not available: it saves nothing live.
        self.client.post(url, {**data.dict(), "action-publish": "1"})
        strategy.refresh_from_db()
        self.assertEqual(strategy.title, "Strategi 1")

        data["action-submit"] = "1"
        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 302)
        strategy.refresh_from_db()
        self.assertEqual(strategy.title, "Strategi 1")
        self.assertTrue(strategy.workflow_in_progress)
        self.assertIn(self.approver.email, self.recipients())

        self.approve(strategy, self.approver)

        strategy.refresh_from_db()
        self.assertEqual(strategy.title, "Samarbeide bedre")
        self.assertTrue(strategy.live)
