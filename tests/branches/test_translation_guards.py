"""wagtail-localize's views need page permissions on the source and on every translation."""

from django.test import TestCase
from django.urls import resolve, reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from access.translation_guards import GUARD_ATTRIBUTE, guarded_views
from core.translation import translate_snippet
from resources.models import EventCoOrganiser
from tests.branches.builders import NORDLAND_AND_TROMS, make_user
from tests.factories import EventPageFactory, OrganisationFactory


class TranslationGuardTests(TestCase):
    """Nordland and Troms, each with an event in Bokmål only and one translated with
    wagtail-localize (a draft in English)."""

    @classmethod
    def setUpTestData(cls):
        cls.nordland, cls.troms = NORDLAND_AND_TROMS.install()
        cls.en = Locale.objects.get(language_code="en")
        cls.admin = make_user("admin")
        cls.admin.is_superuser = True
        cls.admin.save()
        cls.troms_editor = make_user("troms-redaktor", cls.troms.setup.editors)
        cls.troms_approver = make_user("troms-godkjenner", cls.troms.setup.approvers)
        cls.new_event = {}
        cls.synced_event = {}
        for content in (cls.nordland, cls.troms):
            index = content.setup.event_indexes[0]
            slug = content.branch.slug
            cls.new_event[slug] = EventPageFactory(parent=index, title=f"Ny samling {slug}")
            synced = EventPageFactory(parent=index, title=f"Synket samling {slug}")
            translate_object(synced, [cls.en], user=cls.admin)
            cls.synced_event[slug] = synced

    def setUp(self):
        self.client.force_login(self.troms_editor)

    def assertRefused(self, response):
        if response.status_code == 403:
            return
        self.assertEqual(response.status_code, 302, response.content[:300])
        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))

    def submit(self, page, **data):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return self.client.post(url, {"locales": [self.en.pk], **data})

    def sync_url(self, page):
        source = TranslationSource.objects.get_for_instance(page)
        return reverse("wagtail_localize:update_translations", args=[source.pk])

    def english(self, page):
        return page.get_translation_or_none(self.en)

    # --- Translating ----------------------------------------------------------------------

    def test_an_editor_translates_own_content_into_a_draft(self):
        event = self.new_event["troms"]
        response = self.submit(event)
        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(response["Location"], reverse("wagtailadmin_home"))
        translation = self.english(event)
        self.assertIsNotNone(translation)
        self.assertFalse(translation.live)

    def test_another_branchs_page_is_not_translated(self):
        event = self.new_event["nordland"]
        self.assertRefused(
            self.client.get(reverse("wagtail_localize:submit_page_translation", args=[event.pk]))
        )
        self.assertRefused(self.submit(event))
        self.assertIsNone(self.english(event))

    def test_content_referring_to_snippets_the_editor_may_not_write_is_not_translated(self):
        event = self.new_event["troms"]
        organisation = OrganisationFactory(name="KS Nord")
        EventCoOrganiser.objects.create(page=event, organisation=organisation)
        # Nordland works with it too, so a Troms editor may not change it.
        EventCoOrganiser.objects.create(page=self.new_event["nordland"], organisation=organisation)
        before = (Page.objects.count(), Translation.objects.count())

        # wagtail-localize would create the shared organisation's English translation, which
        # only those who may change it may do: refused with a message naming it.
        response = self.submit(event)

        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], response.request["PATH_INFO"])
        messages = [str(message) for message in response.wsgi_request._messages]
        self.assertIn("KS Nord", messages[0])
        self.assertIsNone(organisation.get_translation_or_none(self.en))
        self.assertEqual((Page.objects.count(), Translation.objects.count()), before)
        # With a translation, nothing writes it (translations.safety): the page is translated
        # and the organisation's English translation is left as it is.
        translate_snippet(organisation, self.en, name="KS North")
        response = self.submit(event)
        self.assertNotEqual(response["Location"], response.request["PATH_INFO"])
        self.assertEqual(organisation.get_translation(self.en).name, "KS North")
        self.assertIsNotNone(self.english(event))

    # --- Syncing and publishing ---------------------------------------------------------

    def test_another_branchs_translations_are_not_synced(self):
        url = self.sync_url(self.synced_event["nordland"])
        self.assertRefused(self.client.get(url))
        self.assertRefused(self.client.post(url, {"publish_translations": "on"}))
        self.assertFalse(self.english(self.synced_event["nordland"]).live)

    def test_an_editor_syncs_but_only_an_approver_publishes(self):
        event = self.synced_event["troms"]
        url = self.sync_url(event)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertRefused(self.client.post(url, {"publish_translations": "on"}))
        self.assertFalse(self.english(event).live)
        self.assertEqual(self.client.post(url, {}).status_code, 302)
        self.assertFalse(self.english(event).live)

        self.client.force_login(self.troms_approver)
        # wagtail-localize publishes when the transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(response["Location"], reverse("wagtailadmin_home"))
        self.assertTrue(self.english(event).live)

    def test_publishing_in_the_translation_editor_is_an_approvers_right(self):
        translation = self.english(self.synced_event["troms"])
        url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertRefused(self.client.post(url, {"action": "publish"}))
        self.assertFalse(Page.objects.get(pk=translation.pk).live)

        self.client.force_login(self.troms_approver)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {"action": "publish"})
        self.assertTrue(Page.objects.get(pk=translation.pk).live)

    def test_another_branchs_translation_strings_and_alias_are_not_touched(self):
        source = self.synced_event["nordland"]
        translation = Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(source), target_locale=self.en
        )
        segment = translation.source.stringsegment_set.first()
        target = self.english(source)
        for url in (
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            reverse("wagtail_localize:download_pofile", args=[translation.pk]),
            reverse("wagtail_localize:stop_translation", args=[translation.pk]),
            reverse("wagtail_localize:convert_to_alias", args=[target.pk]),
        ):
            with self.subTest(url=url):
                self.assertRefused(self.client.post(url, {"value": "Endret"}))
        translation.refresh_from_db()
        self.assertTrue(translation.enabled)
        self.assertFalse(StringTranslation.objects.filter(data="Endret").exists())
        self.assertIsNone(Page.objects.get(pk=target.pk).alias_of_id)

    def test_converting_own_translation_into_an_alias_needs_publish_permission(self):
        target = self.english(self.synced_event["troms"])
        url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
        self.assertRefused(self.client.post(url))
        self.assertIsNone(Page.objects.get(pk=target.pk).alias_of_id)

    def test_every_writing_wagtail_localize_url_is_guarded(self):
        arguments = {
            "submit_page_translation": [1],
            "submit_snippet_translation": ["plan", "contactperson", "1"],
            "update_translations": [1],
            "edit_string_translation": [1, 1],
            "edit_override": [1, 1],
            "download_pofile": [1],
            "upload_pofile": [1],
            "machine_translate": [1],
            "preview_translation": [1],
            "stop_translation": [1],
            "convert_to_alias": [1],
            "translations_report": [],
            "translations_report_results": [],
        }
        self.assertEqual(set(arguments), set(guarded_views()))
        for name, args in arguments.items():
            with self.subTest(name=name):
                match = resolve(reverse(f"wagtail_localize:{name}", args=args))
                self.assertTrue(getattr(match.func, GUARD_ATTRIBUTE, False))
        self.assertTrue(
            getattr(
                resolve(reverse("wagtail_localize:preview_translation", args=[1, "default"])).func,
                GUARD_ATTRIBUTE,
                False,
            )
        )


class SnippetTranslationGuardTests(TestCase):
    """A contact person is translated by its own branch; shared snippets nationally."""

    @classmethod
    def setUpTestData(cls):
        from home.services.branch import create_branch
        from tests.factories import ContactPersonFactory

        cls.nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.en = Locale.objects.get(language_code="en")
        cls.nordland_contact = ContactPersonFactory(branch=cls.nordland.branch)
        cls.troms_contact = ContactPersonFactory(branch=cls.troms.branch)
        cls.organisation = OrganisationFactory()
        cls.troms_editor = make_user("troms-redaktor", cls.troms.editors)

    def url(self, snippet):
        meta = snippet._meta
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, snippet.pk],
        )

    def test_only_own_contact_persons_are_translated(self):
        self.client.force_login(self.troms_editor)
        for snippet in (self.nordland_contact, self.organisation):
            with self.subTest(snippet=snippet):
                response = self.client.post(self.url(snippet), {"locales": [self.en.pk]})
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
                self.assertIsNone(snippet.get_translation_or_none(self.en))

        response = self.client.post(self.url(self.troms_contact), {"locales": [self.en.pk]})
        self.assertEqual(response.status_code, 302)
        self.assertIsNotNone(self.troms_contact.get_translation_or_none(self.en))
