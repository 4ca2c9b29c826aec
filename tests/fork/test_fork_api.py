"""The API shows where a forked plan, its strategies and its measures came from."""

from django.test import TestCase

from plan.services.fork import fork_plan
from tests.fork.builders import SOURCE_PLAN


class ForkedFromInTheApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.result = fork_plan(cls.source.plan, cls.source.troms, (2026, 2027))
        # The fork is a set of drafts; publish it (parents first) as approvers would.
        for page in sorted(cls.result.pages.values(), key=lambda page: page.depth):
            page.refresh_from_db()
            page.get_latest_revision().publish()

    def test_the_forked_plan_names_its_source_in_every_node(self):
        plan = self.result.plan
        response = self.client.get(f"/api/v1/plans/{plan.pk}/", {"locale": "nb"})
        self.assertEqual(response.status_code, 200)
        data = response.json()
        source = self.source.plan
        self.assertEqual(
            data["forked_from"],
            {"plan": source.pk, "key": str(source.translation_key), "install": ""},
        )
        source_strategies = [str(s.translation_key) for s in source.get_children()]
        strategies = data["strategies"]
        self.assertEqual([s["forked_from"]["key"] for s in strategies], source_strategies)
        source_measures = {
            str(m.translation_key) for s in source.get_children() for m in s.get_children()
        }
        measures = {m["forked_from"]["key"] for s in strategies for m in s["measures"]}
        self.assertEqual(measures, source_measures)

    def test_a_plan_written_here_has_no_source(self):
        response = self.client.get(f"/api/v1/plans/{self.source.plan.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.json()["forked_from"])
