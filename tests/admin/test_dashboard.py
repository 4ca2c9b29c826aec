"""The plan dashboard on the admin's start page shows where the editor's own branch stands."""

import re
from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from home.services.branch import create_branch
from plan.models import MeasureStatusUpdate
from tests.branches.builders import make_user
from tests.factories import locale, make_plan, translate_tree


def panel(response, branch):
    """The HTML of the dashboard panel of ``branch``."""
    html = response.content.decode()
    match = re.search(rf'id="plan-dashboard-{branch.slug}.*?</section>', html, re.S)
    assert match, f"no dashboard panel for {branch.slug}"
    return match.group(0)


def section(html, heading):
    """The list under ``heading`` in a panel."""
    match = re.search(rf"<h3>{re.escape(heading)}</h3>\s*<ul[^>]*>(.*?)</ul>", html, re.S)
    return match.group(1) if match else ""


def link(page):
    return f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"'


class PlanDashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")
        cls.tree = make_plan(branch=cls.troms.branch, strategies=2, measures_per_strategy=2)
        cls.other = make_plan(branch=cls.nordland.branch, strategies=1, measures_per_strategy=1)
        cls.editor = make_user("troms-redaktor", cls.troms.editors)
        today = timezone.localdate()
        done, recent, old, never = cls.tree.measures
        MeasureStatusUpdate.objects.create(page=done, date=today, status="completed")
        MeasureStatusUpdate.objects.create(page=recent, date=today, status="ongoing")
        MeasureStatusUpdate.objects.create(
            page=old, date=today - timedelta(days=91), status="ongoing"
        )
        never.status_updates.all().delete()
        # English translation of the plan, then a change of the Bokmål strategy after it.
        translate_tree(cls.tree.plan, "en")
        cls.changed = cls.tree.strategies[0]
        cls.changed.refresh_from_db()
        cls.changed.title = "Samarbeide"
        cls.changed.save_revision().publish()
        # A measure waiting for approval.
        cls.waiting = recent
        cls.troms.workflow.start(recent, cls.editor)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_editor_sees_their_branch_only(self):
        response = self.client.get(reverse("wagtailadmin_home"))

        assert response.status_code == 200
        html = panel(response, self.troms.branch)
        assert "plan-dashboard-nordland" not in response.content.decode()
        assert link(self.tree.plan) in html

    def test_measures_per_status(self):
        html = panel(self.client.get(reverse("wagtailadmin_home")), self.troms.branch)

        plans = section(html, "Planer")
        assert link(self.tree.plan) in plans
        assert re.search(r"planlagt 1, pågår 2, fullført 1", " ".join(plans.split())), plans

    def test_measures_without_a_status_update_for_90_days(self):
        done, recent, old, never = self.tree.measures
        html = panel(self.client.get(reverse("wagtailadmin_home")), self.troms.branch)

        stale = section(html, "Ingen statusoppdatering på 90 dager")
        assert link(old) in stale and link(never) in stale
        assert link(recent) not in stale and link(done) not in stale
        assert "ingen statusoppdatering ennå" in stale

    def test_pages_waiting_for_approval(self):
        html = panel(self.client.get(reverse("wagtailadmin_home")), self.troms.branch)

        waiting = section(html, "Venter på godkjenning")
        assert link(self.waiting) in waiting
        assert link(self.tree.measures[0]) not in waiting

    def test_out_of_date_translations(self):
        english = self.changed.get_translation(locale("en"))
        html = panel(self.client.get(reverse("wagtailadmin_home")), self.troms.branch)

        outdated = section(html, "Oversettelser som er utdatert")
        assert link(english) in outdated
        unchanged = self.tree.strategies[1].get_translation(english.locale)
        assert link(unchanged) not in outdated
        assert link(self.tree.plan.get_translation(english.locale)) not in outdated
