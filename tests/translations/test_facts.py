"""One source of truth for facts: the Bokmål page decides status, dates and relations.

As soon as a Bokmål change is published, ``?locale=en`` shows the same status updates (with
the note in Bokmål, marked, until it is translated), dates and relations, without any sync.
"""

import datetime

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from core.models import TargetGroup
from plan.models import MeasurePage, MeasureStatusUpdate, MeasureTargetGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(demo):
    cache.clear()
    yield MeasurePage.objects.get(slug="digital-formiddagskaffe", locale__language_code="nb")
    cache.clear()


def read(client, measure, language_code):
    response = client.get(f"/api/v1/measures/{measure.pk}/", {"locale": language_code})
    assert response.status_code == 200
    return response.json()


def publish_bokmal(measure, **changes):
    for name, value in changes.items():
        setattr(measure, name, value)
    measure.save_revision().publish()
    cache.clear()


def test_a_published_bokmal_status_update_is_shown_in_english_at_once(client, measure):
    english_before = read(client, measure, "en")
    updates = list(measure.status_updates.all())
    new = MeasureStatusUpdate(
        date=datetime.date(2025, 3, 1), status="ongoing", note="Første samling holdt."
    )
    publish_bokmal(measure, status_updates=[*updates, new])

    nb, en = read(client, measure, "nb"), read(client, measure, "en")

    assert nb["status"] == en["status"] == "ongoing"
    assert [(u["date"], u["status"]) for u in en["status_updates"]] == [
        (u["date"], u["status"]) for u in nb["status_updates"]
    ]
    assert en["status_updates"][-1] == {
        "date": "2025-03-01",
        "status": "ongoing",
        "status_label": "Ongoing",
        "note": "Første samling holdt.",
        "fallback": True,
    }
    assert en["title"] == english_before["title"]


def test_an_english_status_of_its_own_is_not_shown(client, measure):
    """Even an English page whose own rows say otherwise shows the Bokmål status."""
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    MeasureStatusUpdate.objects.create(
        page=english,
        locale=english.locale,
        date=datetime.date(2099, 1, 1),
        status="cancelled",
        note="Avlyst i den engelske utgaven.",
    )
    cache.clear()

    nb, en = read(client, measure, "nb"), read(client, measure, "en")

    assert en["status"] == nb["status"] != "cancelled"
    assert [u["date"] for u in en["status_updates"]] == [u["date"] for u in nb["status_updates"]]


def test_dates_and_relations_follow_bokmal_with_untranslated_snippets_marked(client, measure):
    group = TargetGroup(locale=measure.locale, name="Kulturskolelærere")
    group.save()
    rows = list(measure.target_groups.all())
    publish_bokmal(
        measure,
        start_date=datetime.date(2025, 1, 15),
        target_groups=[MeasureTargetGroup(target_group=group), *rows],
    )

    nb, en = read(client, measure, "nb"), read(client, measure, "en")

    assert en["timing"]["start_date"] == nb["timing"]["start_date"] == "2025-01-15"
    assert [g["key"] for g in en["target_groups"]] == [g["key"] for g in nb["target_groups"]]
    new = [g for g in en["target_groups"] if g["key"] == str(group.translation_key)]
    assert new == [
        {
            "id": group.pk,
            "key": str(group.translation_key),
            "fallback": True,
            "name": "Kulturskolelærere",
            "description": "",
        }
    ]
    translated = [g for g in en["target_groups"] if g["key"] != str(group.translation_key)]
    assert translated and not any(g["fallback"] for g in translated)
    assert {g["name"] for g in translated}.isdisjoint({g["name"] for g in nb["target_groups"]})
