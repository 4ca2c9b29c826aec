"""wagtail-localize's "Synchronised values": a translator cannot override a translation's
document (a foreign key) or a quotation's source resource (a page chooser block) with another
branch's, by id, through the translation editor's override view."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from resources.models import ResourceArticlePage
from tests.branches.builders import NORDLAND_AND_TROMS, make_user
from tests.factories import DocumentFactory, ResourceArticlePageFactory, make_plan

REFUSED = "Du kan ikke velge"


class TranslationOverrideTests(TestCase):
    """A Troms resource with a document, translated into English with wagtail-localize."""

    @classmethod
    def setUpTestData(cls):
        cls.nordland, cls.troms = NORDLAND_AND_TROMS.install()
        cls.en = Locale.objects.get(language_code="en")
        admin = make_user("admin")
        admin.is_superuser = True
        admin.save()
        cls.editor = make_user("troms-redaktor", cls.troms.setup.editors)
        cls.resource = ResourceArticlePageFactory(
            parent=cls.troms.setup.resource_indexes[0],
            title="Veileder med vedlegg",
            document=cls.troms.document,
        )
        translate_object(cls.resource, [cls.en], user=admin)
        source = TranslationSource.objects.get_for_instance(cls.resource)
        cls.translation = Translation.objects.get(source=source, target_locale=cls.en)
        cls.segment = OverridableSegment.objects.get(source=source, context__path="document")
        cls.plan = make_plan(
            branch=cls.troms.branch,
            strategies=0,
            period_start=2030,
            period_end=2031,
            quotes=[
                {
                    "type": "quote",
                    "value": {
                        "text": "Sammen får vi det til.",
                        "resource": cls.resource.pk,
                        "page_number": "3",
                    },
                }
            ],
        ).plan
        translate_object(cls.plan, [cls.en], user=admin)
        plan_source = TranslationSource.objects.get_for_instance(cls.plan)
        cls.plan_translation = Translation.objects.get(source=plan_source, target_locale=cls.en)
        cls.quote_segment = OverridableSegment.objects.get(
            source=plan_source, context__path__endswith=".resource"
        )
        cls.other_troms_document = DocumentFactory(
            title="Et annet dokument", collection=cls.troms.setup.collection
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def put_override(self, chosen, translation=None, segment=None):
        translation, segment = translation or self.translation, segment or self.segment
        url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
        return self.client.put(
            url, f"value={chosen.pk}", content_type="application/x-www-form-urlencoded"
        )

    def overrides(self, segment=None):
        segment = segment or self.segment
        return list(SegmentOverride.objects.filter(context_id=segment.context_id))

    def test_another_branchs_document_is_refused(self):
        response = self.put_override(self.nordland.document)
        self.assertEqual(response.status_code, 400)
        self.assertIn(REFUSED, response.json()["detail"])
        self.assertEqual(self.overrides(), [])

    def test_an_own_document_is_taken(self):
        response = self.put_override(self.other_troms_document)
        self.assertIn(response.status_code, (200, 201), response.content[:500])
        [override] = self.overrides()
        self.assertEqual(int(override.data), self.other_troms_document.pk)

    def test_a_quotations_resource_in_a_stream_block(self):
        def put(page):
            return self.put_override(page, self.plan_translation, self.quote_segment)

        response = put(self.nordland.page(ResourceArticlePage))
        self.assertEqual(response.status_code, 400)
        self.assertIn(REFUSED, response.json()["detail"])
        self.assertEqual(self.overrides(self.quote_segment), [])
        own = self.troms.page(ResourceArticlePage)
        self.assertIn(put(own).status_code, (200, 201))
        [override] = self.overrides(self.quote_segment)
        self.assertEqual(int(override.data), own.pk)
