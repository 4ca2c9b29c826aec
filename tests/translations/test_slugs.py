"""New slugs transliterate Norwegian letters: æ→ae, ø→o, å→a."""

import pytest
from django.urls import reverse

from core.slugs import norwegian_slugify
from plan.models import MeasurePage, StrategyPage
from tests.translations import steps

pytestmark = pytest.mark.django_db


def test_norwegian_slugify_keeps_words_readable():
    assert norwegian_slugify("Kulturskolelærere på Røst") == "kulturskolelaerere-pa-rost"
    assert norwegian_slugify("Handlingsplan 2024–2025") == "handlingsplan-2024-2025"
    assert norwegian_slugify("ÆØÅ") == "aeoa"


def test_the_admin_transliterates_a_typed_slug_and_tells_the_slug_field_how(demo, client):
    strategy = StrategyPage.objects.get(slug="arrangere", locale__language_code="nb")
    steps.login(client, "redaktor")
    add_url = reverse("wagtailadmin_pages:add", args=["plan", "measurepage", strategy.pk])
    form = client.get(add_url).content.decode()
    assert "data-w-slug-formatters-value" in form
    assert "æ" in form or "\\u00e6" in form

    measure = steps.add_measure(
        client, strategy, "Samling for kulturskolelærere", "kulturskolelærere", "<p>Tekst.</p>"
    )

    assert measure.slug == "kulturskolelaerere"


def test_a_page_saved_without_slug_gets_a_readable_one(demo):
    strategy = StrategyPage.objects.get(slug="arrangere", locale__language_code="nb")
    measure = strategy.add_child(instance=MeasurePage(title="Møte for kulturskolelærere"))
    assert measure.slug == "mote-for-kulturskolelaerere"
