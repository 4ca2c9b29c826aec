"""A Troms editor cannot choose Nordland's images, documents, contact persons or pages by id.

Each case goes through the admin form the editor uses: the edit form is read from the page,
one chooser value is changed to an object of another branch, and the save must answer a form
error and change nothing; the same form with an object of the editor's own branch is saved.
"""

from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Revision
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from home.models import BranchPage, ContactPerson
from plan.models import ActionPlanPage, MeasurePage
from resources.models import EventPage, ResourceArticlePage
from tests.branches.builders import NORDLAND_AND_TROMS, make_user
from tests.factories import ContactPersonFactory, OrganisationFactory

REFUSED = "Du kan ikke velge"
SECRET = "Hemmelig Nordland-tittel"


def disguise(obj):
    """Give ``obj`` (a page, contact person, image or document) the title ``SECRET``, which
    appears nowhere else, so that a response can be searched for it."""
    names = {field.name for field in obj._meta.get_fields()}
    values = {name: SECRET for name in ("title", "draft_title", "name") if name in names}
    type(obj)._default_manager.filter(pk=obj.pk).update(**values)
    return obj


class CrossBranchFormTestCase(WagtailTestUtils, TestCase):
    """Nordland and Troms with content of every kind; a Troms editor is logged in."""

    @classmethod
    def setUpTestData(cls):
        cls.nordland, cls.troms = NORDLAND_AND_TROMS.install()
        cls.national_contact = ContactPersonFactory(name="Nina Nasjonal", branch=None)
        cls.organisation = OrganisationFactory(name="KS Nord")
        cls.editor = make_user("troms-redaktor", cls.troms.setup.editors)

    def setUp(self):
        self.client.force_login(self.editor)

    # --- helpers ----------------------------------------------------------------------------

    def form(self, url, form_id):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return querydict_from_html(response.content.decode(), form_id=form_id).copy()

    def post_page(self, page, change):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = self.form(url, "page-edit-form")
        # Stream fields are drawn by JavaScript, so the HTML has no inputs for them.
        for field in page.specific._meta.get_fields():
            if isinstance(field, StreamField) and f"{field.name}-count" not in data:
                data[f"{field.name}-count"] = "0"
        change(data)
        return self.client.post(url, data)

    def add_row(self, data, prefix, **values):
        index = int(data[f"{prefix}-TOTAL_FORMS"])
        data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
        row = {"id": "", "ORDER": str(index + 1), "DELETE": "", **values}
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = str(value)

    def assert_refused_then_allowed(self, page, change, foreign, own):
        revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
        response = self.post_page(page, lambda data: change(data, disguise(foreign)))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, REFUSED)
        # The form drawn again shows an empty chooser, not the refused object's title.
        self.assertNotContains(response, SECRET)
        # The refusal names the kind and id of the object, not its title.
        self.assertContains(response, f"med id {foreign.pk}:")
        self.assertEqual(Revision.page_revisions.filter(object_id=str(page.pk)).count(), revisions)
        response = self.post_page(page, lambda data: change(data, own))
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.assertEqual(
            Revision.page_revisions.filter(object_id=str(page.pk)).count(), revisions + 1
        )
        return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


class CrossBranchChoiceTests(CrossBranchFormTestCase):
    """Chooser fields: foreign keys, inline rows and chooser blocks."""

    # --- snippets ---------------------------------------------------------------------------

    def test_contact_person_photo(self):
        contact = self.troms.contact
        url = reverse("wagtailsnippets_home_contactperson:edit", args=[contact.pk])
        data = self.form(url, "w-editor-form")
        data["photo"] = str(disguise(self.nordland.image).pk)
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["form"].errors), ["photo"])
        self.assertContains(response, REFUSED)
        self.assertNotContains(response, SECRET)
        self.assertIsNone(ContactPerson.objects.get(pk=contact.pk).photo)
        data["photo"] = str(self.troms.image.pk)
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        self.assertEqual(ContactPerson.objects.get(pk=contact.pk).photo, self.troms.image)

    # --- foreign keys of pages --------------------------------------------------------------

    def test_plan_cover_image(self):
        plan = self.troms.page(ActionPlanPage)
        saved = self.assert_refused_then_allowed(
            plan,
            lambda data, image: data.__setitem__("cover_image", str(image.pk)),
            self.nordland.image,
            self.troms.image,
        )
        self.assertEqual(saved.cover_image, self.troms.image)

    def test_plan_contact_person(self):
        plan = self.troms.page(ActionPlanPage)
        saved = self.assert_refused_then_allowed(
            plan,
            lambda data, contact: data.__setitem__("contact_person", str(contact.pk)),
            self.nordland.contact,
            self.national_contact,
        )
        self.assertEqual(saved.contact_person, self.national_contact)

    def test_branch_logo(self):
        branch = BranchPage.objects.get(pk=self.troms.branch.pk)
        saved = self.assert_refused_then_allowed(
            branch,
            lambda data, image: data.__setitem__("logo", str(image.pk)),
            self.nordland.image,
            self.troms.image,
        )
        self.assertEqual(saved.logo, self.troms.image)

    def test_resource_document(self):
        article = self.troms.page(ResourceArticlePage)
        saved = self.assert_refused_then_allowed(
            article,
            lambda data, document: data.__setitem__("document", str(document.pk)),
            self.nordland.document,
            self.troms.document,
        )
        self.assertEqual(saved.document, self.troms.document)

    # --- inline rows of pages ---------------------------------------------------------------

    def test_measure_contact(self):
        measure = self.troms.page(MeasurePage)
        saved = self.assert_refused_then_allowed(
            measure,
            lambda data, contact: self.add_row(data, "contacts", contact=contact.pk),
            self.nordland.contact,
            self.troms.contact,
        )
        self.assertIn(self.troms.contact, [row.contact for row in saved.contacts.all()])

    def test_measure_related_event(self):
        measure = self.troms.page(MeasurePage)
        saved = self.assert_refused_then_allowed(
            measure,
            lambda data, event: self.add_row(data, "related_events", event=event.pk),
            self.nordland.page(EventPage),
            self.troms.page(EventPage),
        )
        self.assertIn(
            self.troms.page(EventPage).pk, [row.event_id for row in saved.related_events.all()]
        )

    def test_measure_related_resource(self):
        measure = self.troms.page(MeasurePage)
        self.assert_refused_then_allowed(
            measure,
            lambda data, page: self.add_row(data, "related_resources", resource=page.pk),
            self.nordland.page(ResourceArticlePage),
            self.troms.page(ResourceArticlePage),
        )

    def test_branch_contact(self):
        branch = BranchPage.objects.get(pk=self.troms.branch.pk)
        self.assert_refused_then_allowed(
            branch,
            lambda data, contact: self.add_row(data, "contacts", contact=contact.pk),
            self.nordland.contact,
            self.troms.contact,
        )

    def test_measure_partner_is_a_shared_snippet_every_editor_may_choose(self):
        measure = self.troms.page(MeasurePage)
        response = self.post_page(
            measure,
            lambda data: self.add_row(
                data, "partners", organisation=self.organisation.pk, role="co_organiser"
            ),
        )
        self.assertEqual(response.status_code, 302)

    # --- chooser blocks in stream fields ----------------------------------------------------

    def test_plan_quote_resource(self):
        def add_quote(data, resource):
            index = int(data.get("quotes-count", 0))
            data["quotes-count"] = str(index + 1)
            data[f"quotes-{index}-type"] = "quote"
            data[f"quotes-{index}-deleted"] = ""
            data[f"quotes-{index}-order"] = str(index)
            data[f"quotes-{index}-id"] = ""
            data[f"quotes-{index}-value-text"] = "Sammen får vi det til."
            data[f"quotes-{index}-value-resource"] = str(resource.pk)
            data[f"quotes-{index}-value-page_number"] = "3"

        plan = self.troms.page(ActionPlanPage)
        saved = self.assert_refused_then_allowed(
            plan,
            add_quote,
            self.nordland.page(ResourceArticlePage),
            self.troms.page(ResourceArticlePage),
        )
        self.assertEqual(
            saved.quotes[-1].value["resource"].pk, self.troms.page(ResourceArticlePage).pk
        )
