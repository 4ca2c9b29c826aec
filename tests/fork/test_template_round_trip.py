"""The Nordland plan survives export → import → export, and the API serves its template."""

import json
import re
from io import StringIO
from pathlib import Path

import jsonschema
from django.core.management import call_command
from django.test import TestCase

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from demo.fixtures import nordland_2024_2025
from home.services.branch import create_branch
from plan.models import ActionPlanPage
from plan.services.template.check import template_schema
from plan.services.template.export import export_plan
from plan.services.template.refs import LEFT_OUT_LABELS
from tests.demo import DEMO

KEY = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def normalized(document):
    """The document without its source and with node keys numbered in order of appearance."""
    document = {name: value for name, value in document.items() if name != "source"}
    text = json.dumps(document, ensure_ascii=False, indent=1)
    numbers = {}
    return KEY.sub(lambda m: f"key-{numbers.setdefault(m.group(0), len(numbers) + 1)}", text)


class NordlandTemplateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        DEMO.install()
        cls.plan = ActionPlanPage.objects.get(
            slug="handlingsplan-2024-2025", locale__language_code="nb"
        )
        cls.document, _report = export_plan(cls.plan)

    def test_export_matches_the_schema_and_holds_the_plan(self):
        jsonschema.Draft202012Validator(template_schema()).validate(self.document)
        self.assertEqual(self.document["locales"], ["nb", "en"])
        self.assertEqual(self.document["source"]["plan_key"], str(self.plan.translation_key))
        self.assertEqual(self.document["source"]["install"], "http://testserver")
        strategies = self.document["plan"]["strategies"]
        self.assertEqual(len(strategies), self.plan.get_children().count())
        self.assertEqual(
            sum(len(s["measures"]) for s in strategies),
            self.plan.get_descendants().count() - len(strategies),
        )
        self.assertTrue(all(set(s["content"]) == {"nb", "en"} for s in strategies))
        content = self.document["plan"]["content"]
        self.assertEqual(
            {language: content[language]["cover_image_alt"] for language in content},
            nordland_2024_2025.PLAN["cover_image_alt"],
        )
        self.assertEqual(content["en"]["slug"], "action-plan-2024-2025")

    def test_round_trip_into_an_empty_branch(self):
        """Export → import (snippets deleted first, so they are created again) → export."""
        Organisation.objects.all().delete()
        TargetGroup.objects.all().delete()
        SustainableDevelopmentGoal.objects.all().delete()
        create_branch("troms", "Norsk kulturskoleråd Troms")
        path = self.write(self.document)
        call_command("import_plan", path, branch="troms", stdout=StringIO())
        imported = ActionPlanPage.objects.get(
            slug="handlingsplan-2024-2025", locale__language_code="nb", forked_from_install__gt=""
        )
        again, _report = export_plan(imported, include_drafts=True)
        self.assertNotEqual(again["plan"]["key"], self.document["plan"]["key"])
        self.assertEqual(normalized(again), normalized(self.document))

    def test_export_command_writes_the_document(self):
        path = self.write({})
        err = StringIO()
        call_command("export_plan", str(self.plan.pk), output=path, stdout=StringIO(), stderr=err)
        with open(path, encoding="utf-8") as file:
            written = json.load(file)
        self.assertEqual(normalized(written), normalized(self.document))
        # The report names what was left out, in the active language (Bokmål once compiled).
        self.assertIn(str(LEFT_OUT_LABELS["contact"] % {"count": 1}), err.getvalue())

    def test_api_serves_the_template_and_the_schema(self):
        response = self.client.get(f"/api/v1/plans/{self.plan.pk}/template/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(normalized(response.json()), normalized(self.document))
        english = self.plan.get_translation(self.plan_en_locale())
        response = self.client.get(f"/api/v1/plans/{english.pk}/template/")
        self.assertEqual(normalized(response.json()), normalized(self.document))

        schema = self.client.get("/api/v1/schemas/plan-template.json")
        self.assertEqual(schema.status_code, 200)
        self.assertEqual(schema["Content-Type"], "application/schema+json")
        self.assertEqual(schema.json(), template_schema())

    def test_api_hides_drafts_and_unknown_plans(self):
        self.plan.unpublish()
        self.assertEqual(
            self.client.get(f"/api/v1/plans/{self.plan.pk}/template/").status_code, 404
        )
        self.assertEqual(self.client.get("/api/v1/plans/999999/template/").status_code, 404)
        self.assertEqual(self.client.get("/api/v1/plans/abc/template/").status_code, 400)

    def plan_en_locale(self):
        return self.plan.get_translations().get().locale

    def write(self, document):
        from django.conf import settings

        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        path = Path(settings.MEDIA_ROOT) / "nordland.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        return str(path)
