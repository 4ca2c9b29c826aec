"""The demo is managed by wagtail-localize, and older installs can hand their translations over.

Every English demo page and snippet has an enabled wagtail-localize translation with every
string translated, opens in the translation editor, and "Sync translated pages" exists on every
Bokmål page. A Bokmål text change makes exactly the changed strings untranslated.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from core.models import TargetGroup
from plan.models import MeasurePage
from tests.translations import steps
from tests.translations.snapshots import content
from tests.translations.steps import untranslated
from translations.adopt import snippet_models, unmanaged_translations

pytestmark = pytest.mark.django_db


def english_objects():
    en = Locale.objects.get(language_code="en")
    objects = [obj for model in snippet_models() for obj in model.objects.filter(locale=en)]
    return objects + list(Page.objects.filter(locale=en).specific())


def translation_of(obj, language_code="en"):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(obj),
        target_locale__language_code=language_code,
        enabled=True,
    )


def test_every_english_demo_object_is_managed_and_fully_translated(demo):
    assert unmanaged_translations() == []
    objects = english_objects()
    assert len(objects) > 40
    nb = Locale.objects.get(language_code="nb")
    for obj in objects:
        translation = Translation.objects.get(
            source__object_id=obj.translation_key, source__locale=nb, target_locale=obj.locale
        )
        assert translation.enabled
        assert untranslated(translation) == [], obj


def test_english_demo_pages_open_in_the_translation_editor(demo, client):
    steps.login(client, "redaktor")
    measure = MeasurePage.objects.get(slug="digital-mid-morning-coffee", locale__language_code="en")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk]))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "wagtail_localize/admin/edit_translation.html"

    source = measure.get_translation(Locale.objects.get(language_code="nb"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[source.pk]))
    sync_url = reverse(
        "wagtail_localize:update_translations",
        args=[TranslationSource.objects.get_for_instance(source).pk],
    )
    assert sync_url in response.content.decode()


def test_a_bokmal_change_makes_exactly_the_changed_strings_untranslated(demo, client):
    measure = MeasurePage.objects.get(slug="digital-formiddagskaffe", locale__language_code="nb")
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    english_before = english.title
    steps.login(client, "admin")
    measure.title = "Digital formiddagskaffe med kake"
    measure.save_revision().publish()

    translation = translation_of(measure)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 302

    assert untranslated(translation) == ["Digital formiddagskaffe med kake"]
    english.refresh_from_db()
    assert english.title == english_before


def test_syncing_with_publishing_keeps_translated_text(demo, client):
    measure = MeasurePage.objects.get(slug="digital-formiddagskaffe", locale__language_code="nb")
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    before = content(["en"], exclude_pages=[english.pk])
    english_summary = english.specific.summary
    steps.login(client, "admin")
    measure.summary = "<p>Ny tekst.</p>"
    measure.save_revision().publish()

    translation = translation_of(measure)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    with steps.TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url, {"publish_translations": "on"})

    english = english.specific
    english.refresh_from_db()
    assert english.summary == english_summary
    assert content(["en"], exclude_pages=[english.pk]) == before


def test_adopting_changes_no_text_of_an_install_made_by_the_previous_loader(demo):
    """Translations made with copy_for_translation (as the previous demo loader did)."""
    Translation.objects.all().delete()
    TranslationSource.objects.all().delete()
    assert len(unmanaged_translations()) == len(english_objects())
    before = content(["nb", "en"])

    call_command("adopt_translations", stdout=None)

    assert unmanaged_translations() == []
    assert content(["nb", "en"]) == before
    group = TargetGroup.objects.get(name="Kulturskoleledere", locale__language_code="nb")
    assert untranslated(translation_of(group)) == []
