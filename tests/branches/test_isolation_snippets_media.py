"""Contact persons, images and documents belong to a branch; shared snippets to the nation."""

from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model

from core.models import Organisation
from home.models import ContactPerson
from home.services.branch import create_branch, ensure_national_group
from tests.branches.builders import make_user
from tests.factories import (
    ContactPersonFactory,
    CreditedImageFactory,
    DocumentFactory,
    OrganisationFactory,
)


class BranchSnippetAndMediaTests(TestCase):
    """Nordland and Troms with a contact person, an image and a document each."""

    @classmethod
    def setUpTestData(cls):
        cls.nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.nordland_contact = ContactPersonFactory(
            name="Nora Nordland", branch=cls.nordland.branch
        )
        cls.troms_contact = ContactPersonFactory(name="Tore Troms", branch=cls.troms.branch)
        cls.national_contact = ContactPersonFactory(name="Nina Nasjonal", branch=None)
        cls.organisation = OrganisationFactory(name="KS Nord")
        cls.nordland_image = CreditedImageFactory(collection=cls.nordland.collection)
        cls.troms_image = CreditedImageFactory(collection=cls.troms.collection)
        cls.nordland_document = DocumentFactory(collection=cls.nordland.collection)
        cls.troms_editor = make_user("troms-redaktor", cls.troms.editors)
        cls.national_editor = make_user("nasjonal", ensure_national_group())

    def setUp(self):
        self.client.force_login(self.troms_editor)

    def assertRefused(self, response):
        if response.status_code == 403:
            return
        self.assertEqual(response.status_code, 302, response.content[:300])
        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))

    def contact_url(self, action, contact=None):
        name = f"wagtailsnippets_home_contactperson:{action}"
        return reverse(name, args=[contact.pk]) if contact else reverse(name)

    def contact_data(self, branch, name="Ny kontakt"):
        return {"name": name, "role": "Rådgiver", "email": "ny@example.org", "branch": branch.pk}

    def contact_rows(self):
        return list(ContactPerson.objects.order_by("pk").values_list("pk", "name", "branch_id"))

    # --- Contact persons ------------------------------------------------------------------

    def test_another_branchs_contact_person_cannot_be_edited_or_deleted(self):
        before = self.contact_rows()
        for contact in (self.nordland_contact, self.national_contact):
            with self.subTest(contact=contact):
                self.assertRefused(self.client.get(self.contact_url("edit", contact)))
                self.assertRefused(
                    self.client.post(
                        self.contact_url("edit", contact),
                        self.contact_data(self.troms.branch, name="Endret"),
                    )
                )
                self.assertRefused(self.client.get(self.contact_url("delete", contact)))
                self.assertRefused(self.client.post(self.contact_url("delete", contact)))
                bulk_delete = reverse(
                    "wagtail_bulk_action", args=["home", "contactperson", "delete"]
                )
                self.assertRefused(
                    self.client.post(f"{bulk_delete}?id={contact.pk}&id={self.troms_contact.pk}")
                )
        self.assertEqual(self.contact_rows(), before)

    def test_own_contact_person_is_edited_but_not_moved_to_another_branch(self):
        url = self.contact_url("edit", self.troms_contact)
        self.assertEqual(self.client.get(url).status_code, 200)

        response = self.client.post(url, self.contact_data(self.nordland.branch, name="Flyttet"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("branch", response.context["form"].errors)
        self.troms_contact.refresh_from_db()
        self.assertEqual(self.troms_contact.name, "Tore Troms")

        response = self.client.post(url, self.contact_data(self.troms.branch, name="Tore T."))
        self.assertEqual(response.status_code, 302)
        self.troms_contact.refresh_from_db()
        self.assertEqual(self.troms_contact.name, "Tore T.")

    def test_a_new_contact_person_must_belong_to_the_editors_branch(self):
        count = ContactPerson.objects.count()
        for data in (
            self.contact_data(self.nordland.branch),
            {**self.contact_data(self.troms.branch), "branch": ""},
        ):
            with self.subTest(branch=data["branch"]):
                response = self.client.post(self.contact_url("add"), data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("branch", response.context["form"].errors)
        self.assertEqual(ContactPerson.objects.count(), count)

        response = self.client.post(self.contact_url("add"), self.contact_data(self.troms.branch))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ContactPerson.objects.get(name="Ny kontakt").branch, self.troms.branch)

    def test_an_editor_lists_and_is_offered_only_their_branchs_and_national_contacts(self):
        chooser = reverse("wagtailsnippetchoosers_home_contactperson:choose")
        chooser_results = reverse("wagtailsnippetchoosers_home_contactperson:choose_results")
        for url in (
            self.contact_url("list"),
            self.contact_url("list") + "?q=Nora",
            chooser,
            chooser_results + "?q=Nora",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "Nora Nordland")
                self.assertNotContains(response, self.nordland_contact.email)
        for url in (self.contact_url("list"), chooser):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Tore Troms")
                self.assertContains(response, "Nina Nasjonal")

    def test_national_editors_list_every_contact_person(self):
        self.client.force_login(self.national_editor)
        for url in (
            self.contact_url("list"),
            reverse("wagtailsnippetchoosers_home_contactperson:choose"),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                for name in ("Nora Nordland", "Tore Troms", "Nina Nasjonal"):
                    self.assertContains(response, name)

    def test_national_editors_manage_every_contact_person(self):
        self.client.force_login(self.national_editor)
        for contact in (self.nordland_contact, self.national_contact):
            with self.subTest(contact=contact):
                self.assertEqual(
                    self.client.get(self.contact_url("edit", contact)).status_code, 200
                )
        response = self.client.post(
            self.contact_url("add"), {**self.contact_data(self.troms.branch), "branch": ""}
        )
        self.assertEqual(response.status_code, 302)

    # --- Shared snippets ---------------------------------------------------------------

    def test_shared_snippets_are_seen_and_chosen_by_branches_and_edited_nationally(self):
        # Branch editors may add organisations and change those only their branch uses
        # (tests/admin/test_shared_snippets.py); this one no branch created or uses.
        edit = reverse("wagtailsnippets_core_organisation:edit", args=[self.organisation.pk])
        listing = reverse("wagtailsnippets_core_organisation:list")
        chooser = reverse("wagtailsnippetchoosers_core_organisation:choose")

        self.assertContains(self.client.get(listing), "KS Nord")
        self.assertContains(self.client.get(chooser), "KS Nord")
        self.assertRefused(self.client.get(edit))
        self.assertRefused(self.client.post(edit, {"name": "Endret", "kind": "public"}))
        self.assertEqual(Organisation.objects.get(pk=self.organisation.pk).name, "KS Nord")

        self.client.force_login(self.national_editor)
        response = self.client.post(edit, {"name": "KS Nord-Norge", "kind": "public"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Organisation.objects.get(pk=self.organisation.pk).name, "KS Nord-Norge")

    # --- Images and documents ----------------------------------------------------------

    def test_another_branchs_images_and_documents_cannot_be_changed(self):
        image, document = self.nordland_image, self.nordland_document
        for url in (
            reverse("wagtailimages:edit", args=[image.pk]),
            reverse("wagtailimages:delete", args=[image.pk]),
            reverse("wagtaildocs:edit", args=[document.pk]),
            reverse("wagtaildocs:delete", args=[document.pk]),
        ):
            with self.subTest(url=url):
                self.assertRefused(self.client.get(url))
                self.assertRefused(self.client.post(url, {"title": "Endret"}))
        images = get_image_model().objects.filter(pk=image.pk).values_list("title", flat=True)
        self.assertEqual(list(images), [image.title])
        self.assertEqual(type(document).objects.get(pk=document.pk).title, document.title)

    def test_images_go_only_into_the_branchs_own_collection(self):
        self.assertEqual(
            self.client.get(reverse("wagtailimages:edit", args=[self.troms_image.pk])).status_code,
            200,
        )
        # With one collection to add to, Wagtail puts the upload there whatever is posted.
        response = self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Opplastet",
                "file": CreditedImageFactory.build().file,
                "collection": self.nordland.collection.pk,
            },
        )
        self.assertEqual(response.status_code, 302)
        uploaded = get_image_model().objects.get(title="Opplastet")
        self.assertEqual(uploaded.collection, self.troms.collection)

    def test_the_image_chooser_offers_only_the_branchs_own_images(self):
        response = self.client.get(reverse("wagtailimages_chooser:choose"))
        self.assertContains(response, self.troms_image.title)
        self.assertNotContains(response, self.nordland_image.title)
