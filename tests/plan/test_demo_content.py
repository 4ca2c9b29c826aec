"""The demo content: the Nordland plan 2024–2025 as the document has it, in nb and en.

The demo is loaded once for the module (inside a transaction that is rolled back at the end);
each test runs in a savepoint on top of it.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from PIL import Image
from wagtail.models import Page, Revision

from assets.models import CreditedImage
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from demo.loader import DEFAULT_ADMIN_PASSWORD
from home.models import BranchPage, ContactPerson
from plan.models import (
    ActionPlanPage,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    StrategyPage,
)
from resources.models import EventPage, ResourceArticlePage, Topic
from tests.demo import children, plan_in

pytestmark = pytest.mark.django_db


def counts():
    models = [
        Page,
        Revision,
        CreditedImage,
        SustainableDevelopmentGoal,
        Organisation,
        TargetGroup,
        ContactPerson,
        Topic,
        MeasurePartner,
        MeasureRelatedEvent,
        MeasureRelatedResource,
        get_user_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_again_changes_nothing(demo):
    before = counts()
    out = StringIO()

    call_command("load_demo_content", stdout=out)

    assert counts() == before
    assert "Nothing to create" in out.getvalue()
    assert "exists already" in out.getvalue()


def test_nothing_is_fetched_from_the_network(demo):
    assert demo.network_attempts == []


def test_the_plan_is_served_under_the_branch_in_both_languages(demo):
    assert plan_in("nb").url == "/nb/nordland/handlingsplan-2024-2025/"
    assert plan_in("en").url == "/en/nordland/action-plan-2024-2025/"
    branch = BranchPage.objects.get(slug="nordland", locale__language_code="nb")
    assert (branch.title, branch.short_name) == ("Norsk kulturskoleråd Nordland", "Nordland")


def test_the_plan_matches_the_document(demo):
    plan = plan_in("nb")

    assert (plan.title, plan.period_start, plan.period_end) == (
        "Handlingsplan 2024–2025",
        2024,
        2025,
    )
    assert plan.stage == ActionPlanPage.Stage.ADOPTED
    assert plan.development_area_title == (
        "Samhandling – kulturskolen som samhandlingsaktør for levende lokalsamfunn"
    )
    assert plan.development_area_adopted_by == "Årsmøtet i Nordland"
    assert plan.introduction.count("<p>") == 5
    assert plan.introduction.startswith("<p>Norsk kulturskoleråd er en interesse- og")
    assert plan.introduction.endswith("bli kulturskoler for alle!</p>")
    assert "samhandlingsaktører" in plan.overall_goal
    assert "erverve og videreformidle kunnskap" in plan.strategies_introduction
    assert plan.strategies_introduction.endswith(
        "Strategier som er valgt for å oppnå dette er å:</p>"
    )


def test_the_background_keeps_the_documents_order_and_lead_ins(demo):
    body = [(block.block_type, block.value) for block in plan_in("nb").background]

    assert [kind for kind, _value in body] == ["text", "definition", "text", "definition", "text"]
    assert body[0][1].source == "<p>Store norske leksikon definerer begrepet samhandling slik:</p>"
    assert (body[1][1]["term"], body[1][1]["source"]) == ("Samhandling", "Store norske leksikon")
    assert body[1][1]["definition"].source.startswith("<p>Samhandling, interaksjon, er en")
    assert body[2][1].source.startswith("<p>I beskrivelsen av begrepet")
    assert body[2][1].source.endswith("Begrepet kan defineres slik:</p>")
    assert (body[3][1]["term"], body[3][1]["source"]) == (
        "Samskaping",
        "Torfing, Sørensen, Røiseland (2020)",
    )
    assert "strategisk tanke- og metodesett" in body[4][1].source
    english = [block.block_type for block in plan_in("en").background]
    assert english == ["text", "definition", "text", "definition", "text"]


def test_no_text_of_chapter_2_is_stored_twice(demo):
    plan = plan_in("nb")
    texts = [
        block.value.source if block.block_type == "text" else block.value["definition"].source
        for block in plan.background
    ]

    assert "I perioden 2024–2025 jobber" in plan.development_area_description
    assert not any("I perioden 2024–2025 jobber" in text for text in texts)
    assert not any(plan.development_area_title in text for text in texts)
    assert not any("vedtok dette utviklingsområdet" in text for text in texts)


def test_the_demo_says_no_more_than_the_document(demo):
    names = set(
        Organisation.objects.filter(locale__language_code="nb").values_list("name", flat=True)
    )
    assert names == {"KS Nord", "Nordland fylkeskommune"}
    uh = MeasurePage.objects.get(slug="regionale-uh-aktorer", locale__language_code="nb")
    assert (uh.partners.count(), uh.target_groups.count()) == (0, 0)
    conference = EventPage.objects.get(slug="lederkonferanse-2025", locale__language_code="nb")
    assert conference.co_organisers.count() == 0
    assert not MeasurePage.objects.filter(contacts__isnull=False).exists()
    assert not MeasureRelatedResource.objects.exists()
    plan = plan_in("nb")
    assert plan.cover_image_caption == "Bilde hentet fra Kulturskolerådets bildearkiv"
    assert plan.cover_image.credit == "Norsk kulturskoleråd"


def test_the_quotes_cite_the_handbook_with_their_pages_in_each_language(demo):
    for language_code in ("nb", "en"):
        quotes = list(plan_in(language_code).quotes)

        assert [q.value["page_number"] for q in quotes] == ["6", "46"]
        for quote in quotes:
            resource = quote.value["resource"]
            assert resource.specific.publication_title == "La oss gjøre det sammen!"
            assert resource.locale.language_code == language_code
    assert (
        list(plan_in("nb").quotes)[0]
        .value["text"]
        .startswith("Den norske velferdsstatsmodellen trenger fornying.")
    )
    assert (
        list(plan_in("en").quotes)[0]
        .value["text"]
        .startswith("The Norwegian welfare state model needs renewal.")
    )


def test_the_contact_person_is_the_responsible_adviser(demo):
    contact = plan_in("nb").contact_person

    assert (contact.name, contact.role) == ("Sigrun E. Fostad", "Ansvarlig rådgiver")
    assert (contact.phone, contact.email) == (
        "+47 990 35 524",
        "sigrun.fostad@kulturskoleradet.no",
    )
    assert contact.branch.specific.short_name == "Nordland"
    english = plan_in("en").contact_person
    assert english.locale.language_code == "en"
    assert english.translation_key == contact.translation_key
    assert english.branch.locale.language_code == "en"


def test_the_strategies_come_in_document_order_with_their_leads(demo):
    strategies = children(plan_in("nb"), StrategyPage)

    assert [(s.title, s.lead) for s in strategies] == [
        ("Informere", "Fylkesavdelingen informerer og deler kunnskap."),
        ("Samarbeide", "Fylkesavdelingen inkluderer og samarbeider."),
        ("Arrangere", "Fylkesavdelingen arrangerer."),
    ]
    assert all(s.summary and s.introduction for s in strategies)
    assert "bærekraftsmål #17" in strategies[1].introduction


def test_samarbeide_carries_sdg_17(demo):
    for language_code, title in [
        ("nb", "Samarbeid for å nå målene"),
        ("en", "Partnerships for the goals"),
    ]:
        strategy = StrategyPage.objects.get(
            translation_key=StrategyPage.objects.get(
                slug="samarbeide", locale__language_code="nb"
            ).translation_key,
            locale__language_code=language_code,
        )
        goals = [(link.goal.number, link.goal.title) for link in strategy.goals.all()]
        assert goals == [(17, title)]


def test_the_measures_stand_under_their_strategies_in_document_order(demo):
    measures = {
        strategy.slug: [m.summary for m in children(strategy, MeasurePage)]
        for strategy in children(plan_in("nb"), StrategyPage)
    }

    expected = {
        "informere": [
            "fadderordning",
            "kulturskolerelaterte saker",
            "UH-aktører",
            "KS Nord",
            "Nordland fylkeskommune",
        ],
        "samarbeide": ["utarbeidelsen av konferanser"],
        "arrangere": ["Digital formiddagskaffe", "lederkonferanse"],
    }
    assert list(measures) == list(expected)
    for slug, phrases in expected.items():
        assert len(measures[slug]) == len(phrases)
        for summary, phrase in zip(measures[slug], phrases, strict=True):
            assert phrase in summary


def test_the_leader_conference_measure(demo):
    measure = MeasurePage.objects.get(slug="lederkonferanse-2025", locale__language_code="nb")

    assert measure.timing_text == "våren 2025"
    assert {link.target_group.name for link in measure.target_groups.all()} == {
        "Kulturskoleeiere",
        "Kulturskoleledere",
    }
    assert "Partnere og relevante aktører inviteres som medarrangører." in measure.body
    assert (measure.partners.count(), measure.contacts.count()) == (0, 0)
    assert measure.related_events.get().event.specific.kind == EventPage.Kind.CONFERENCE


def test_the_events(demo):
    conference = EventPage.objects.get(slug="lederkonferanse-2025", locale__language_code="nb")
    coffee = EventPage.objects.get(slug="digital-formiddagskaffe", locale__language_code="nb")

    assert (conference.kind, conference.format, conference.timing_text) == (
        EventPage.Kind.CONFERENCE,
        EventPage.Format.PHYSICAL,
        "våren 2025",
    )
    assert (coffee.kind, coffee.format, coffee.is_recurring) == (
        EventPage.Kind.RECURRING_DIGITAL_MEETING,
        EventPage.Format.DIGITAL,
        True,
    )
    assert [m.slug for m in coffee.related_measures] == ["digital-formiddagskaffe"]


def test_the_resource_article(demo):
    article = ResourceArticlePage.objects.get(locale__language_code="nb")

    assert (article.publication_title, article.publication_subtitle) == (
        "La oss gjøre det sammen!",
        "Håndbok i lokal samskapende sosial innovasjon",
    )
    assert (article.year, article.authors) == (2018, "Lars Ueland Kobro (red.)")
    assert article.publisher == "Høgskolen i Sørøst-Norge/SESAM, på initiativ fra KS"
    assert article.external_url.endswith("/handbok-for-samskaping.pdf")
    assert "Samskaping" in {link.topic.name for link in article.topics.all()}
    assert {quote.value["resource"].pk for quote in plan_in("nb").quotes} == {article.pk}


def test_the_sustainable_development_goals_in_both_languages(demo):
    for language_code in ("nb", "en"):
        goals = SustainableDevelopmentGoal.objects.filter(locale__language_code=language_code)
        assert sorted(goals.values_list("number", flat=True)) == list(range(1, 18))
    english_17 = SustainableDevelopmentGoal.objects.get(number=17, locale__language_code="en")
    assert english_17.title == "Partnerships for the goals"
    assert english_17.unofficial_translation
    assert Topic.objects.get(slug="samskaping", locale__language_code="en").name == "Co-creation"


def test_every_page_is_live_in_both_languages(demo):
    branch = BranchPage.objects.get(slug="nordland", locale__language_code="nb")
    pages = list(Page.objects.descendant_of(branch, inclusive=True).specific())

    assert len(pages) == 1 + 2 + 1 + 2 + 1 + 3 + 8
    for page in pages:
        translation = page.get_translation(plan_in("en").locale)
        assert page.live and not page.unofficial_translation, page
        assert translation.live, page
        assert translation.specific.unofficial_translation, page
        assert translation.title != "" and translation.pk != page.pk


def test_english_measures_use_english_snippets_and_pages(demo):
    english = MeasurePage.objects.filter(locale__language_code="en")

    assert english.count() == 8
    for measure in english:
        linked = [
            *(link.organisation for link in measure.partners.all()),
            *(link.target_group for link in measure.target_groups.all()),
            *(link.contact for link in measure.contacts.all()),
            *(link.goal for link in measure.goals.all()),
            *(link.event for link in measure.related_events.all()),
            *(link.resource for link in measure.related_resources.all()),
        ]
        assert {obj.locale.language_code for obj in linked} <= {"en"}, measure
    conference = english.get(slug="leaders-conference-in-spring-2025")
    assert conference.title == "Leaders' conference in spring 2025"
    assert conference.related_events.get().event.title == "Leaders' conference 2025"
    assert {g.target_group.name for g in conference.target_groups.all()} == {
        "Owners of schools of music and performing arts",
        "Heads of schools of music and performing arts",
    }
    county = english.get(slug="nordland-county-council")
    assert [p.organisation.name for p in county.partners.all()] == ["Nordland County Council"]


def test_the_cover_image_is_generated_with_alt_text_and_credit(demo):
    image = plan_in("nb").cover_image

    assert image.description and image.credit == "Norsk kulturskoleråd"
    assert plan_in("en").cover_image == image
    with Image.open(demo.cover_path) as picture:
        assert picture.size == (image.width, image.height) == (1600, 900)


def test_nordlands_editor_may_choose_the_cover_image(demo):
    from wagtail.images.permissions import permission_policy

    editor = get_user_model().objects.get(username="redaktor")
    choosable = permission_policy.instances_user_has_permission_for(editor, "choose")
    assert plan_in("nb").cover_image in choosable


def test_the_demo_admin_can_log_in(demo, client):
    assert client.login(username="admin", password=DEFAULT_ADMIN_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_an_existing_admin_keeps_the_password_unless_one_is_given(demo, settings):
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("chosen-by-the-user")
    admin.save()

    call_command("load_demo_content", stdout=StringIO())
    admin.refresh_from_db()
    assert admin.check_password("chosen-by-the-user")

    settings.DEMO_ADMIN_PASSWORD = "from-the-environment"
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    admin.refresh_from_db()
    assert admin.check_password("from-the-environment")
    assert "from-the-environment" in out.getvalue()


def test_no_admin_leaves_users_alone(demo):
    get_user_model().objects.filter(username="admin").delete()

    call_command("load_demo_content", "--no-admin", stdout=StringIO())

    assert not get_user_model().objects.filter(username="admin").exists()


def test_without_english_the_command_fails_and_changes_nothing(demo, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("nb", "Norwegian Bokmål")]
    before = counts()

    with pytest.raises(CommandError, match="content languages nb"):
        call_command("load_demo_content", stdout=StringIO())

    assert counts() == before
