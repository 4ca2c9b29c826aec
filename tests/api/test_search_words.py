"""Search finds what a Norwegian reader types: parts of compound words, topics, contact
persons, partners and target groups, in every content language, ranked, with small typos."""

import pytest
from django.db import connection

from plan.models import MeasureContact
from resources.models import ResourceTopic
from tests.factories import ContactPersonFactory, TopicFactory, locale

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="typo tolerance needs PostgreSQL's pg_trgm"
)


def found(get, q, **params):
    response = get("/api/v1/search/", q=q, **params)
    assert response.status_code == 200, response.content
    return [(r["type"], r["id"]) for r in response.json()["results"]]


def event(content, name="upcoming"):
    return ("event", content.events[name].pk)


def test_a_part_of_a_compound_word_finds_the_whole(get, content):
    assert event(content) in found(get, "konferanse")
    assert ("event", content.en(content.events["upcoming"]).pk) in found(
        get, "konferanse", locale="en"
    )
    assert ("measure", content.measures[0].pk) in found(get, "ordning")


def test_a_topic_finds_the_resources_filed_under_it(get, content):
    topic = TopicFactory(name="Medvirkning", slug="medvirkning")
    ResourceTopic.objects.create(page=content.fresh(content.resource), topic=topic)
    assert found(get, "medvirkning") == [("resource", content.resource.pk)]
    listed = get("/api/v1/resources/", search="Medvirkning").json()["results"]
    assert [r["id"] for r in listed] == [content.resource.pk]
    assert found(get, "samskaping")[0] == ("resource", content.resource.pk)


def test_contact_persons_names_and_roles_find_their_measures_and_plans(get, content):
    person = ContactPersonFactory(name="Inger Fostad", role="Ansvarlig rådgiver")
    MeasureContact.objects.create(page=content.fresh(content.measures[1]), contact=person)
    assert found(get, "Fostad") == [("measure", content.measures[1].pk)]
    assert found(get, "fostad ansvarlig") == [("measure", content.measures[1].pk)]
    assert ("plan", content.plan.pk) in found(get, "Nordmann")  # the plan's contact person
    measures = get("/api/v1/measures/", search="Fostad").json()["results"]
    assert [m["id"] for m in measures] == [content.measures[1].pk]


def test_partners_and_target_groups_find_their_measures(get, content):
    fadderordning = ("measure", content.measures[0].pk)
    assert fadderordning in found(get, "KS Nord")
    assert fadderordning in found(get, "kulturskoleledere")
    assert found(get, "kulturskoleledere", type="measure") == [fadderordning]


def test_names_are_found_in_every_content_language(get, content):
    english = locale("en")
    role = content.contact.get_translation(english)
    role.role = "Senior adviser"
    role.save()
    group = content.target_group.get_translation(english)
    group.name = "Music school leaders"
    group.save()
    fadderordning_en = ("measure", content.en(content.measures[0]).pk)
    assert fadderordning_en in found(get, "adviser", locale="en")
    assert found(get, "school leaders", locale="en", type="measure") == [fadderordning_en]
    assert found(get, "adviser", locale="nb") == []  # Bokmål pages have the Bokmål role


def test_the_title_ranks_first(get, content):
    results = found(get, "samarbeid")
    assert results[0] == ("measure", content.untranslated_measure.pk)  # "Samarbeid med KS"


def test_hidden_pages_are_not_found_by_parts_or_names(get, content):
    assert found(get, "utkas") == []
    assert found(get, "intern") == []


@postgresql_only
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fadderordnig", ("measure", 0)),
        ("Nyhetbrev", ("measure", 1)),
        ("lederkonferanssen", ("event", "upcoming")),
    ],
)
def test_small_typos_are_forgiven(get, content, query, expected):
    kind, which = expected
    page = content.measures[which] if kind == "measure" else content.events[which]
    assert found(get, query)[0] == (kind, page.pk)


@postgresql_only
def test_a_typo_in_a_name_is_forgiven(get, content):
    person = ContactPersonFactory(name="Inger Fostad", role="Rådgiver")
    MeasureContact.objects.create(page=content.fresh(content.measures[1]), contact=person)
    assert found(get, "Fosstad") == [("measure", content.measures[1].pk)]


@postgresql_only
def test_unrelated_words_are_not_typos(get, content):
    assert found(get, "fotball") == []
    assert found(get, "konsert") == []


def test_like_wildcards_in_a_name_are_plain_characters(get, content):
    """The words go into LIKE patterns (built once for the linked names): ``%`` and ``_`` match
    only themselves."""
    person = ContactPersonFactory(name="Kari 50%_rabatt", role="Rådgiver")
    MeasureContact.objects.create(page=content.fresh(content.measures[1]), contact=person)
    assert found(get, "%") == [("measure", content.measures[1].pk)]
    assert found(get, "0%_r") == [("measure", content.measures[1].pk)]
    assert found(get, "_") == [("measure", content.measures[1].pk)]
    assert found(get, "a%i") == []
    assert found(get, "K_ri") == []
