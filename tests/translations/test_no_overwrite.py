"""Translating a page never changes another page's or snippet's translation (finding 1).

As Nordland's editor "redaktor": a new measure under "Arrangere" with a target group, a contact
person and SDG 4, approved and published, then translated with wagtail-localize (title and
summary only) and published in English with missing translations. Every English snippet and
page that existed before is byte for byte as it was.
"""

import pytest
from wagtail.models import Locale

from core.models import SustainableDevelopmentGoal, TargetGroup
from home.models import ContactPerson
from plan.models import StrategyPage
from tests.translations import steps
from tests.translations.snapshots import content

pytestmark = pytest.mark.django_db


def nb(model, **lookup):
    return model.objects.get(locale__language_code="nb", **lookup)


def new_measure(client):
    strategy = nb(StrategyPage, slug="arrangere")
    steps.login(client, "redaktor")
    measure = steps.add_measure(
        client,
        strategy,
        "Nettverkssamling for kulturskoleledere",
        "nettverkssamling-for-kulturskoleledere",
        "<p>En samling for ledere i Nordland.</p>",
        target_groups=[{"target_group": nb(TargetGroup, name="Kulturskoleledere").pk}],
        contacts=[{"contact": nb(ContactPerson, role="Ansvarlig rådgiver").pk}],
        goals=[{"goal": nb(SustainableDevelopmentGoal, number=4).pk}],
    )
    return steps.approve(client, measure)


@pytest.mark.parametrize("translator", ["redaktor", "admin"])
def test_translating_a_new_measure_changes_no_other_translation(demo, client, translator):
    measure = new_measure(client)
    before = content(["en"])

    steps.login(client, translator)
    translation = steps.translate_page(client, measure, "en")
    steps.translate_strings(
        client,
        translation,
        {
            "Nettverkssamling for kulturskoleledere": "Network meeting for heads of schools",
            "En samling for ledere i Nordland.": "A meeting for heads in Nordland.",
        },
    )
    steps.login(client, "godkjenner")
    english = steps.publish_translation(client, translation)

    english.refresh_from_db()
    assert english.live
    assert english.title == "Network meeting for heads of schools"
    assert content(["en"], exclude_pages=[english.pk]) == before
    en = Locale.objects.get(language_code="en")
    assert english.specific.target_groups.get().target_group == nb(
        TargetGroup, name="Kulturskoleledere"
    ).get_translation(en)
    assert TargetGroup.objects.get(
        locale=en, translation_key=nb(TargetGroup, name="Kulturskoleledere").translation_key
    ).name == ("Heads of schools of music and performing arts")
