"""Alt text per language: the plan's cover image and a contact person's photo.

The English alt text is a string wagtail-localize translates (a segment in the translation
editor); ``?locale=en`` shows it, and an alt text not yet translated is shown in Bokmål with
``alt_fallback: true``.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from demo.fixtures import nordland_2024_2025 as data
from home.models import ContactPerson
from plan.models import ActionPlanPage
from tests.factories import ActionPlanPageFactory, CreditedImageFactory
from tests.translations import steps
from tests.translations.test_managed_demo import translation_of, untranslated

pytestmark = pytest.mark.django_db

ALT = data.PLAN["cover_image_alt"]


@pytest.fixture
def plan(demo):
    cache.clear()
    yield ActionPlanPage.objects.get(slug=data.PLAN["slug"], locale__language_code="nb")
    cache.clear()


def read(client, plan, language_code):
    cache.clear()
    response = client.get(f"/api/v1/plans/{plan.pk}/", {"locale": language_code})
    assert response.status_code == 200
    return response.json()


def sync(client, source_object, publish=False):
    """ "Sync translated pages" (wagtail-localize's update view) as the admin."""
    translation = translation_of(source_object)
    steps.login(client, "admin")
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    with steps.TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"} if publish else {})
    assert response.status_code == 302
    return translation


def test_the_demo_cover_has_its_alt_text_in_each_language(client, plan):
    nb, en = read(client, plan, "nb"), read(client, plan, "en")

    assert (nb["cover_image"]["alt"], nb["cover_image"]["alt_fallback"]) == (ALT["nb"], False)
    assert (en["cover_image"]["alt"], en["cover_image"]["alt_fallback"]) == (ALT["en"], False)
    assert nb["cover_image"]["id"] == en["cover_image"]["id"]


def test_the_english_alt_text_is_a_translated_segment(plan):
    translation = translation_of(plan)

    string = StringTranslation.objects.get(
        translation_of__data=ALT["nb"], locale=translation.target_locale
    )
    assert string.data == ALT["en"]
    assert ALT["nb"] not in untranslated(translation)


def test_a_changed_alt_text_is_translated_in_the_editor(client, plan):
    plan.cover_image_alt = "Nordlys over Lofoten."
    plan.save_revision().publish()
    translation = sync(client, plan, publish=True)
    assert untranslated(translation) == ["Nordlys over Lofoten."]
    # The English alt text is not overwritten with Bokmål: it waits for its translator.
    assert read(client, plan, "en")["cover_image"]["alt"] == ALT["en"]

    steps.login(client, "redaktor")
    steps.translate_strings(
        client, translation, {"Nordlys over Lofoten.": "Northern lights over Lofoten."}
    )
    steps.login(client, "godkjenner")
    steps.publish_translation(client, translation)

    en = read(client, plan, "en")
    assert (en["cover_image"]["alt"], en["cover_image"]["alt_fallback"]) == (
        "Northern lights over Lofoten.",
        False,
    )
    assert read(client, plan, "nb")["cover_image"]["alt"] == "Nordlys over Lofoten."


def test_an_alt_text_left_untranslated_is_a_marked_bokmal_fallback(client, plan):
    new_plan = ActionPlanPageFactory(
        parent=plan.get_parent(),
        period_start=2026,
        period_end=2027,
        cover_image=plan.cover_image,
        cover_image_alt="Nordlys over Vestfjorden.",
    )
    steps.login(client, "admin")
    translation = steps.translate_page(client, new_plan, "en")
    steps.translate_strings(client, translation, {new_plan.title: "Action plan 2026–2027"})
    steps.publish_translation(client, translation)

    en = read(client, new_plan, "en")
    assert en["locale"] == "en" and en["title"] == "Action plan 2026–2027"
    assert (en["cover_image"]["alt"], en["cover_image"]["alt_fallback"]) == (
        "Nordlys over Vestfjorden.",
        True,
    )

    steps.translate_strings(
        client, translation, {"Nordlys over Vestfjorden.": "Northern lights over Vestfjorden."}
    )
    steps.publish_translation(client, translation)
    en = read(client, new_plan, "en")
    assert (en["cover_image"]["alt"], en["cover_image"]["alt_fallback"]) == (
        "Northern lights over Vestfjorden.",
        False,
    )


def test_an_empty_alt_text_is_the_images_own_marked_as_bokmal_in_english(client, plan):
    english = plan.get_translation(Locale.objects.get(language_code="en"))
    for page in (plan, english.specific):
        page.cover_image_alt = ""
        page.save_revision().publish()

    nb, en = read(client, plan, "nb"), read(client, plan, "en")

    description = plan.cover_image.description
    assert (nb["cover_image"]["alt"], nb["cover_image"]["alt_fallback"]) == (description, False)
    assert (en["cover_image"]["alt"], en["cover_image"]["alt_fallback"]) == (description, True)


def test_a_contact_persons_photo_alt_text_is_translated_in_the_editor(client, plan):
    contact = ContactPerson.objects.get(pk=plan.contact_person_id)
    contact.photo = CreditedImageFactory(title="Portrett", description="Portrett av Sigrun")
    contact.photo_consent = True
    contact.photo_alt = "Sigrun Fostad smiler mot kamera."
    contact.save()
    translation = sync(client, contact)
    assert untranslated(translation) == ["Sigrun Fostad smiler mot kamera."]
    english = translation.get_target_instance()
    edit = reverse("wagtailsnippets_home_contactperson:edit", args=[english.pk])
    steps.login(client, "godkjenner")
    assert client.post(edit, {"action": "publish"}).status_code == 302

    # Published with the alt text untranslated: the photo is shown, its alt text marked.
    photo = read(client, plan, "en")["contact_person"]["photo"]
    assert photo["id"] == contact.photo_id and photo["alt_fallback"] is True

    steps.login(client, "redaktor")
    steps.translate_strings(
        client, translation, {"Sigrun Fostad smiler mot kamera.": "Sigrun Fostad smiling."}
    )
    steps.login(client, "godkjenner")
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"action": "publish"})
    assert response.status_code == 302, response.status_code

    nb, en = read(client, plan, "nb"), read(client, plan, "en")
    assert nb["contact_person"]["photo"]["alt"] == "Sigrun Fostad smiler mot kamera."
    assert nb["contact_person"]["photo"]["alt_fallback"] is False
    assert en["contact_person"]["photo"]["alt"] == "Sigrun Fostad smiling."
    assert en["contact_person"]["photo"]["alt_fallback"] is False
    assert en["contact_person"]["photo"]["id"] == contact.photo_id


def test_the_alt_text_fields_have_bokmal_labels_in_the_admin(client, plan):
    steps.login(client, "redaktor")

    plan_form = client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk])).content.decode()
    contact_form = client.get(
        reverse("wagtailsnippets_home_contactperson:edit", args=[plan.contact_person_id])
    ).content.decode()

    assert "Alternativ tekst til forsidebildet" in plan_form
    assert "Alternativ tekst til bildet" in contact_form
