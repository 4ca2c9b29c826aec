"""A Troms editor cannot put Nordland's documents, images or non-public pages into rich text.

Rich text stores what it links and embeds by id (``<a linktype="page" id="…">``,
``<a linktype="document" id="…">``, ``<embed embedtype="image" id="…">``), and the editor's
browser sends those ids. Each case posts the admin's edit form with a rich-text value that links
or embeds another branch's object: the save answers an error on that field and stores nothing;
the same form with the editor's own object (or another branch's public page) is saved.
No snippet of the project carries rich text, so the cases are pages: a rich-text field (a
measure's body) and rich-text blocks in a stream field (a plan's background).
"""

import json
from unittest import mock

from wagtail.models import PageViewRestriction, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from plan.models import ActionPlanPage, MeasurePage
from resources.models import EventPage, ResourceArticlePage
from tests.branches.test_cross_branch_choices import REFUSED, CrossBranchFormTestCase


def page_link(page):
    return f'<p>Se <a linktype="page" id="{page.pk}">siden</a>.</p>'


def document_link(document):
    return f'<p>Last ned <a linktype="document" id="{document.pk}">dokumentet</a>.</p>'


def image_embed(image):
    return f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Bilde"/>'


class RichTextChoiceTests(CrossBranchFormTestCase):
    """Links and embeds in rich-text fields and rich-text blocks."""

    def revisions(self, page):
        return Revision.page_revisions.filter(object_id=str(page.pk)).count()

    def post_body(self, measure, html, features=RICH_TEXT_FEATURES):
        return self.post_page(
            measure, lambda data: data.__setitem__("body", rich_text(html, features=features))
        )

    def assert_refused(self, response, page, revisions, field, refused=None):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["form"].errors), [field])
        self.assertContains(response, REFUSED)
        self.assertEqual(self.revisions(page), revisions)
        if refused is not None:
            # The form is drawn again without the refused link or embed; the text stays.
            value = response.context["form"][field].value()
            shown = value if isinstance(value, str) else json.dumps(value.get_prep_value())
            self.assertNotRegex(shown, rf'id=\\?"{refused.pk}\\?"')
            self.assertNotIn(refused.file.name if hasattr(refused, "file") else "§", shown)

    def assert_saved(self, response, page, revisions):
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.assertEqual(self.revisions(page), revisions + 1)
        return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()

    # --- page links -------------------------------------------------------------------------

    def test_page_link_to_another_branchs_unpublished_page_is_refused(self):
        measure = self.troms.page(MeasurePage)
        unpublished = self.nordland.page(EventPage)
        unpublished.unpublish()
        revisions = self.revisions(measure)
        response = self.post_body(measure, page_link(unpublished))
        self.assert_refused(response, measure, revisions, "body", refused=unpublished)
        self.assertIn("siden", response.context["form"]["body"].value())

    def test_page_link_to_another_branchs_restricted_page_is_refused(self):
        measure = self.troms.page(MeasurePage)
        restricted = self.nordland.page(ResourceArticlePage)
        PageViewRestriction.objects.create(page=restricted, restriction_type="login")
        revisions = self.revisions(measure)
        response = self.post_body(measure, page_link(restricted))
        self.assert_refused(response, measure, revisions, "body")

    def test_page_link_to_another_branchs_public_page_is_allowed(self):
        measure = self.troms.page(MeasurePage)
        public = self.nordland.page(ResourceArticlePage)
        self.assertTrue(public.live)
        revisions = self.revisions(measure)
        saved = self.assert_saved(self.post_body(measure, page_link(public)), measure, revisions)
        self.assertIn(f'linktype="page" id="{public.pk}"', saved.body)

    def test_page_link_to_an_own_unpublished_page_is_allowed(self):
        measure = self.troms.page(MeasurePage)
        own = self.troms.page(EventPage)
        own.unpublish()
        revisions = self.revisions(measure)
        saved = self.assert_saved(self.post_body(measure, page_link(own)), measure, revisions)
        self.assertIn(f'linktype="page" id="{own.pk}"', saved.body)

    def test_a_link_saved_before_does_not_block_the_page(self):
        """A link that was allowed when it was made (the page was public then) stays: the
        check is on what the editor newly chooses."""
        measure = self.troms.page(MeasurePage)
        linked = self.nordland.page(ResourceArticlePage)
        revisions = self.revisions(measure)
        self.assert_saved(self.post_body(measure, page_link(linked)), measure, revisions)
        linked.unpublish()
        response = self.post_page(measure, lambda data: data.__setitem__("title", "Nytt navn"))
        saved = self.assert_saved(response, measure, revisions + 1)
        self.assertIn(f'linktype="page" id="{linked.pk}"', saved.body)

    # --- document links ---------------------------------------------------------------------

    def test_document_link(self):
        measure = self.troms.page(MeasurePage)
        revisions = self.revisions(measure)
        response = self.post_body(measure, document_link(self.nordland.document))
        self.assert_refused(response, measure, revisions, "body", refused=self.nordland.document)
        self.assertNotContains(response, self.nordland.document.file.name)
        response = self.post_body(measure, document_link(self.troms.document))
        saved = self.assert_saved(response, measure, revisions)
        self.assertIn(f'linktype="document" id="{self.troms.document.pk}"', saved.body)

    # --- image embeds -----------------------------------------------------------------------

    def test_image_embed_is_not_a_feature_of_any_rich_text(self):
        """The editors' rich text offers no images: an embed posted anyway is dropped."""
        measure = self.troms.page(MeasurePage)
        revisions = self.revisions(measure)
        html = page_link(self.troms.page(EventPage)) + image_embed(self.nordland.image)
        response = self.post_body(measure, html, features=RICH_TEXT_FEATURES + ["image"])
        saved = self.assert_saved(response, measure, revisions)
        self.assertNotIn("embedtype", saved.body)

    def test_image_embed_where_images_are_enabled(self):
        """Should a rich-text field offer images, another collection's image is refused."""
        measure = self.troms.page(MeasurePage)
        features = RICH_TEXT_FEATURES + ["image"]
        with mock.patch.object(MeasurePage._meta.get_field("body"), "features", features):
            revisions = self.revisions(measure)
            response = self.post_body(measure, image_embed(self.nordland.image), features)
            self.assert_refused(response, measure, revisions, "body", refused=self.nordland.image)
            response = self.post_body(measure, image_embed(self.troms.image), features)
            saved = self.assert_saved(response, measure, revisions)
        self.assertIn(f'id="{self.troms.image.pk}" alt="Bilde"', saved.body)

    # --- rich-text blocks in a stream field -------------------------------------------------

    def post_background(self, plan, blocks):
        def change(data):
            for key in [key for key in data if key.startswith("background-")]:
                del data[key]
            data.update(nested_form_data({"background": streamfield(blocks)}))

        return self.post_page(plan, change)

    def test_document_link_in_a_text_block(self):
        plan = self.troms.page(ActionPlanPage)
        revisions = self.revisions(plan)
        text = rich_text(document_link(self.nordland.document), features=RICH_TEXT_FEATURES)
        response = self.post_background(plan, [("text", text)])
        self.assert_refused(response, plan, revisions, "background", self.nordland.document)
        text = rich_text(document_link(self.troms.document), features=RICH_TEXT_FEATURES)
        saved = self.assert_saved(self.post_background(plan, [("text", text)]), plan, revisions)
        self.assertIn(f'id="{self.troms.document.pk}"', saved.background[0].value.source)

    def test_page_link_in_a_definition_block(self):
        plan = self.troms.page(ActionPlanPage)
        unpublished = self.nordland.page(EventPage)
        unpublished.unpublish()

        def definition(page):
            html = page_link(page)
            return {
                "term": "Samhandling",
                "definition": rich_text(html, features=INLINE_RICH_TEXT_FEATURES),
                "source": "",
                "source_url": "",
            }

        revisions = self.revisions(plan)
        response = self.post_background(plan, [("definition", definition(unpublished))])
        self.assert_refused(response, plan, revisions, "background", refused=unpublished)
        own = self.troms.page(EventPage)
        response = self.post_background(plan, [("definition", definition(own))])
        saved = self.assert_saved(response, plan, revisions)
        self.assertIn(f'id="{own.pk}"', saved.background[0].value["definition"].source)
