"""Importing plan templates: malformed documents change nothing, good ones become drafts."""

import copy
import json
from io import BytesIO, StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from home.models import ContactPerson
from home.services.branch import create_branch
from plan.models import ActionPlanPage, MeasurePage
from plan.services.template import refs as template_refs
from plan.services.template.export import export_plan
from tests.factories import SustainableDevelopmentGoalFactory, locale
from tests.fork.builders import SOURCE_PLAN

COUNTED = (
    Page,
    Revision,
    Organisation,
    TargetGroup,
    SustainableDevelopmentGoal,
    ContactPerson,
    get_image_model(),
    get_document_model(),
)


def database_counts():
    """How many pages, revisions, snippets, images and documents there are."""
    return {model.__name__: model.objects.count() for model in COUNTED}


class TemplateImportTestCase(TestCase):
    """Nordland's plan exported once; Finnmark is an empty branch to import into."""

    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.finnmark = create_branch("finnmark", "Norsk kulturskoleråd Finnmark").branch
        with translation.override("en"):
            cls.document, cls.export_report = export_plan(cls.source.plan)

    def setUp(self):
        self.document = copy.deepcopy(self.document)

    def run_import(self, content, *args, **options):
        """Write ``content`` (bytes, or a value written as JSON) to a file and import it."""
        path = self.tmp_path("template.json")
        data = content if isinstance(content, bytes) else json.dumps(content).encode()
        with open(path, "wb") as file:
            file.write(data)
        out = StringIO()
        with translation.override("en"):
            call_command(
                "import_plan",
                path,
                *args,
                branch="finnmark",
                stdout=out,
                stderr=StringIO(),
                **options,
            )
        return out.getvalue()

    def tmp_path(self, name):
        from django.conf import settings

        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        return str(Path(settings.MEDIA_ROOT) / name)


class MalformedTemplateTests(TemplateImportTestCase):
    """Every malformed document exits with a message naming its JSON path; nothing changes."""

    def assert_refused(self, content, *expected):
        before = database_counts()
        with self.assertRaises(CommandError) as raised:
            self.run_import(content)
        message = str(raised.exception)
        self.assertIn("nothing was changed", message)
        for text in expected:
            self.assertIn(text, message)
        self.assertEqual(database_counts(), before)
        return message

    def edited(self, edit):
        document = copy.deepcopy(self.document)
        edit(document)
        return document

    def test_empty_file(self):
        self.assert_refused(b"", "$: the document is empty (0 bytes)")

    def test_file_over_20_mb(self):
        self.assert_refused(b" " * (20 * 1024 * 1024 + 1), "$: the document is larger than 20 MB")

    def test_not_utf8(self):
        self.assert_refused(b'{"schema": "handlingsplan-template", "x": "\xff\xfe"}', "not UTF-8")

    def test_invalid_json(self):
        data = json.dumps(self.document).encode()[:-10]
        self.assert_refused(data, "$: invalid JSON at line 1")

    def test_absurd_nesting(self):
        self.assert_refused(b"[" * 100_000 + b"]" * 100_000, "$: ")
        deep = []
        for _level in range(30):
            deep = [deep]
        nested = self.edited(lambda d: d["plan"].__setitem__("period", deep))
        self.assert_refused(nested, "$.plan.period", "nested deeper than")

    def test_not_an_object(self):
        self.assert_refused([self.document], "$: the document must be a JSON object")

    def test_unknown_schema(self):
        document = self.edited(lambda d: d.__setitem__("schema", "wordpress-export"))
        self.assert_refused(document, "$.schema: unknown schema", "wordpress-export")

    def test_unsupported_version(self):
        document = self.edited(lambda d: d.__setitem__("version", 3))
        self.assert_refused(document, "$.version: unsupported version 3", "1 / 2")

    def test_missing_field(self):
        document = self.edited(lambda d: d["plan"].pop("period"))
        self.assert_refused(document, "$.plan: 'period' is a required property")

    def test_wrong_type(self):
        document = self.edited(lambda d: d["plan"]["period"].__setitem__("start", "2024"))
        self.assert_refused(document, "$.plan.period.start: '2024' is not of type 'integer'")

    def test_unknown_field(self):
        document = self.edited(
            lambda d: d["plan"]["strategies"][0]["content"]["nb"].__setitem__("ingress", "x")
        )
        self.assert_refused(document, "$.plan.strategies[0].content.nb", "'ingress'")

    def test_unknown_locale(self):
        def edit(document):
            document["locales"].append("xx")
            document["plan"]["content"]["xx"] = document["plan"]["content"]["nb"]

        self.assert_refused(self.edited(edit), "$.locales[2]: unknown locale “xx”")

    def test_locale_not_listed(self):
        def edit(document):
            document["plan"]["strategies"][1]["content"]["nn"] = {"title": "T", "slug": "t"}

        self.assert_refused(
            self.edited(edit), "$.plan.strategies[1].content.nn: locale “nn” is not listed"
        )

    def test_period_start_after_end(self):
        document = self.edited(lambda d: d["plan"]["period"].update(start=2026, end=2025))
        self.assert_refused(document, "$.plan.period: the period starts (2026) after it ends")

    def test_overlong_value(self):
        def edit(document):
            document["plan"]["strategies"][1]["measures"][0]["content"]["en"]["title"] = "x" * 300

        self.assert_refused(
            self.edited(edit), "$.plan.strategies[1].measures[0].content.en.title", "is too long"
        )

    def test_values_the_content_model_refuses(self):
        def edit(document):
            document["plan"]["strategies"][1]["measures"][0]["content"]["nb"]["slug"] = "ikke slug"
            document["organisations"][0]["website"] = "not a url"
            document["plan"]["content"]["en"]["background"][1]["source_url"] = "snl"

        self.assert_refused(
            self.edited(edit),
            "$.plan.strategies[1].measures[0].content.nb.slug: ",
            "$.organisations[0].website: ",
            "$.plan.content.en.background[1].source_url: ",
        )

    def test_broken_references(self):
        def edit(document):
            measure = document["plan"]["strategies"][0]["measures"][0]
            measure["partners"][0]["organisation"] = "Ukjent organisasjon"
            measure["content"]["nb"]["body"] = '<p><a linktype="node" key="nope">x</a></p>'
            document["plan"]["cover_image"] = "image-9"
            document["plan"]["strategies"][1]["content"]["nb"]["slug"] = "informere"

        self.assert_refused(
            self.edited(edit),
            "$.plan.strategies[0].measures[0].partners[0].organisation: “Ukjent organisasjon” "
            "is not in $.organisations",
            "$.plan.strategies[0].measures[0].content.nb.body: a link points at the unknown node",
            "$.plan.cover_image: “image-9” is not in $.images",
            "$.plan.strategies[1].content.nb.slug: the slug “informere” is also used",
        )

    def test_period_option_out_of_range(self):
        before = database_counts()
        with translation.override("en"), self.assertRaisesMessage(CommandError, "2000 and 2100"):
            self.run_import(self.document, period="1999-2000")
        self.assertEqual(database_counts(), before)

    def test_conflict_with_this_install_is_reported_and_rolled_back(self):
        """A goal that exists in English but not as a translation of the Bokmål goal."""
        SustainableDevelopmentGoalFactory(number=5, title="Gender equality", locale=locale("en"))

        def edit(document):
            document["goals"].append({"number": 5, "title": {"nb": "Likestilling"}})
            document["plan"]["strategies"][0]["goals"].append(5)

        self.assert_refused(
            self.edited(edit), "$.goals[2]: “5. Likestilling” cannot be added in en"
        )
        self.assertFalse(SustainableDevelopmentGoal.objects.filter(title="Likestilling").exists())

    def test_missing_file_and_unknown_branch(self):
        with translation.override("en"), self.assertRaisesMessage(CommandError, "cannot read"):
            call_command("import_plan", "/nonexistent/template.json", branch="finnmark")
        with self.assertRaisesMessage(CommandError, "no branch with the slug “troms-og-finnmark”"):
            call_command("import_plan", "x.json", branch="troms-og-finnmark")


class TemplateImportTests(TemplateImportTestCase):
    """A valid template becomes a draft plan with linked translations."""

    def test_import_creates_drafts_in_every_language(self):
        output = self.run_import(self.document)
        plans = ActionPlanPage.objects.filter(forked_from_key=self.source.plan.translation_key)
        plans = plans.exclude(forked_from_install="")
        self.assertEqual(sorted(p.locale.language_code for p in plans), ["en", "nb"])
        self.assertEqual(len({p.translation_key for p in plans}), 1)
        for plan in plans:
            self.assertFalse(plan.live)
            self.assertEqual(plan.forked_from_install, "http://testserver")
            self.assertEqual(plan.get_descendants().count(), 5)
            self.assertIsNone(plan.contact_person)
        self.assertIn("12 draft pages", output)
        measure = MeasurePage.objects.filter(forked_from_install="", live=False)
        self.assertFalse(measure.exists())

    def test_a_version_1_document_is_still_imported(self):
        """Version 1 kept the background as one text with the definitions apart."""
        document = copy.deepcopy(self.document)
        document["version"] = 1
        for values in document["plan"]["content"].values():
            body = values.pop("background")
            values["background"] = "".join(b["text"] for b in body if b["type"] == "text")
            values["definitions"] = [
                {k: v for k, v in b.items() if k != "type"}
                for b in body
                if b["type"] == "definition"
            ]
            values["development_area_description"] = "<p>Om samhandling.</p>"
            values["background"] += "<p>Om samhandling.</p>"  # stored twice in version 1

        self.run_import(document)

        plan = ActionPlanPage.objects.get(
            slug="handlingsplan-2024-2025", locale__language_code="nb", forked_from_install__gt=""
        )
        body = [(block.block_type, block.value) for block in plan.background]
        self.assertEqual([kind for kind, _value in body], ["text", "definition"])
        self.assertIn("Begrepet kan defineres slik:", body[0][1].source)
        self.assertNotIn("Om samhandling.", body[0][1].source)
        self.assertEqual(body[1][1]["term"], "Samhandling")
        self.assertEqual(plan.development_area_description, "<p>Om samhandling.</p>")

    def test_export_reports_what_is_left_out(self):
        self.assertEqual(
            self.export_report,
            [
                "Left out: 10 contact persons.",
                "Left out: 3 related events.",
                "Left out: 5 related resources.",
            ],
        )
        measure = self.document["plan"]["strategies"][0]["measures"][0]
        self.assertNotIn("contacts", measure)
        self.assertNotIn("related_events", measure)
        self.assertEqual(measure["goals"], [4, 17])
        self.assertEqual(measure["partners"], [{"organisation": "KS Nord", "role": "co_organiser"}])
        self.assertNotIn('"id"', json.dumps(self.document))

    def test_same_source_twice_is_refused_unless_replace(self):
        self.run_import(self.document)
        before = database_counts()
        with translation.override("en"), self.assertRaisesMessage(CommandError, "--replace"):
            self.run_import(self.document)
        self.assertEqual(database_counts(), before)
        output = self.run_import(self.document, replace=True)
        self.assertIn("Replaced the earlier import", output)
        self.assertEqual(database_counts()["Page"], before["Page"])
        self.assertEqual(ActionPlanPage.objects.child_of(self.finnmark).count(), 1)

    def test_period_option_renames_the_plan(self):
        self.run_import(self.document, period="2026-2027")
        plan = ActionPlanPage.objects.child_of(self.finnmark).get()
        self.assertEqual(
            (plan.title, plan.slug), ("Handlingsplan 2026–2027", "handlingsplan-2026-2027")
        )
        self.assertEqual((plan.period_start, plan.period_end), (2026, 2027))

    def test_missing_snippets_are_created_and_reported(self):
        def edit(document):
            document["organisations"][0]["name"] = {
                "nb": "Nordland fylkeskommune",
                "en": "Nordland County",
            }
            for strategy in document["plan"]["strategies"]:
                for measure in strategy["measures"]:
                    measure["partners"][0]["organisation"] = "Nordland fylkeskommune"

        document = copy.deepcopy(self.document)
        edit(document)
        output = self.run_import(document)
        organisation = Organisation.objects.get(name="Nordland fylkeskommune")
        self.assertEqual(
            organisation.get_translation(self.source.plan_en.locale).name, "Nordland County"
        )
        self.assertIn("Created organisation “Nordland fylkeskommune”", output)

    def test_media_are_matched_by_hash_or_fetched_only_when_asked(self):
        image_model = get_image_model()
        buffer = BytesIO()
        PILImage.new("RGB", (4, 3), "red").save(buffer, "PNG")
        data = buffer.getvalue()
        document = copy.deepcopy(self.document)
        document["images"][0]["file_hash"] = "0" * 40  # not in this install
        output = self.run_import(document)
        self.assertIn(
            "Not fetched (choose “Fetch images and documents” or use --fetch-media): Forside",
            output,
        )
        self.assertIsNone(ActionPlanPage.objects.child_of(self.finnmark).get().cover_image)

        fetched = []

        def fake_fetch(url, max_bytes=None):
            fetched.append(url)
            return data

        original_fetch = template_refs.fetch_url
        template_refs.fetch_url = fake_fetch
        try:
            count = image_model.objects.count()
            self.run_import(document, replace=True, fetch_media=True)
        finally:
            template_refs.fetch_url = original_fetch
        self.assertEqual(fetched, [document["images"][0]["url"]])
        image = ActionPlanPage.objects.child_of(self.finnmark).get().cover_image
        self.assertEqual(image_model.objects.count(), count + 1)
        self.assertEqual((image.title, image.credit), ("Forside", "Kulturskolerådets bildearkiv"))
        self.assertEqual(image.description, self.source.image.description)
        self.assertEqual((image.width, image.height), (4, 3))
