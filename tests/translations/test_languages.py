"""Every Norwegian and Sami content language: the plan translated into Nynorsk with
wagtail-localize's own views, read with ``?locale=nn``; English is left as it was."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils.translation import get_language_info
from wagtail.models import Locale

from core.languages import sync_content_locales
from home.services.site import ensure_home_page
from plan.models import ActionPlanPage
from tests.translations import steps
from tests.translations.snapshots import content

pytestmark = pytest.mark.django_db

ALL_LANGUAGES = [
    ("nb", "Norwegian Bokmål"),
    ("nn", "Norwegian Nynorsk"),
    ("en", "English"),
    ("se", "Northern Sami"),
    ("smj", "Lule Sami"),
    ("sma", "Southern Sami"),
]


def test_sami_languages_have_their_own_names():
    assert get_language_info("se")["name_local"] == "davvisámegiella"
    assert get_language_info("smj")["name_local"] == "julevsámegiella"
    assert get_language_info("sma")["name_local"] == "åarjelsaemien gïele"


@override_settings(WAGTAIL_CONTENT_LANGUAGES=ALL_LANGUAGES, LANGUAGES=ALL_LANGUAGES)
def test_the_plan_is_translated_into_nynorsk_and_read_in_nynorsk(demo, client):
    sync_content_locales()
    ensure_home_page()
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {
        code for code, _name in ALL_LANGUAGES
    }
    plan = ActionPlanPage.objects.get(slug="handlingsplan-2024-2025", locale__language_code="nb")
    english_before = content(["en"])

    steps.login(client, "admin")
    translation = steps.translate_page(client, plan, "nn", include_subtree="on")
    steps.translate_strings(client, translation, {plan.title: "Handlingsplan 2024–2025 (nynorsk)"})
    steps.publish_translation(client, translation)
    nynorsk = plan.get_translation(Locale.objects.get(language_code="nn"))
    for ancestor in nynorsk.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    cache.clear()

    response = client.get(f"/api/v1/plans/{plan.pk}/", {"locale": "nn"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Handlingsplan 2024–2025 (nynorsk)"
    assert body["locale"] == "nn"
    assert content(["en"]) == english_before
    cache.clear()
