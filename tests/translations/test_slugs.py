"""New slugs transliterate Norwegian letters: æ→ae, ø→o, å→a; the English demo has English slugs."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from core.slugs import norwegian_slugify
from home.models import BranchPage
from plan.models import ActionPlanPage, MeasurePage, StrategyPage
from tests.translations import steps
from tests.translations.test_managed_demo import translation_of

ENGLISH_PLAN = "/en/nordland/action-plan-2024-2025/"

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


def english_demo_pages():
    """(Bokmål page, English page) of every page under the demo branch."""
    branch = BranchPage.objects.get(slug="nordland", locale__language_code="nb")
    english = Locale.objects.get(language_code="en")
    pairs = []
    for page in Page.objects.descendant_of(branch).filter(locale=branch.locale):
        translation = page.get_translation_or_none(english)
        assert translation is not None, page
        pairs.append((page, translation))
    return pairs


def test_every_english_demo_page_has_an_english_slug(demo):
    pairs = english_demo_pages()
    assert len(pairs) > 15
    bokmal_slugs = {bokmal.slug for bokmal, english in pairs if bokmal.title != english.title}
    for _bokmal, english in pairs:
        url = english.url
        assert url.startswith("/en/nordland/"), url
        assert not set(url.strip("/").split("/")) & bokmal_slugs, url
    plan = ActionPlanPage.objects.get(slug="action-plan-2024-2025", locale__language_code="en")
    assert plan.url == ENGLISH_PLAN
    strategy = StrategyPage.objects.get(slug="inform", locale__language_code="en")
    assert strategy.url == ENGLISH_PLAN + "inform/"
    measure = MeasurePage.objects.get(
        slug="leaders-conference-in-spring-2025", locale__language_code="en"
    )
    assert measure.url == ENGLISH_PLAN + "organise/leaders-conference-in-spring-2025/"


def test_the_english_slug_is_a_translated_segment(demo):
    bokmal = ActionPlanPage.objects.get(slug="handlingsplan-2024-2025", locale__language_code="nb")
    translation = translation_of(bokmal)

    slug = StringTranslation.objects.get(
        translation_of__data="handlingsplan-2024-2025",
        locale=translation.target_locale,
        context__path="slug",
    )
    assert slug.data == "action-plan-2024-2025"


def test_resolve_and_sitemap_follow_the_english_slugs(demo, client):
    cache.clear()
    bokmal = ActionPlanPage.objects.get(slug="handlingsplan-2024-2025", locale__language_code="nb")
    path = ENGLISH_PLAN + "organise/leaders-conference-in-spring-2025/"

    resolved = client.get("/api/v1/resolve/", {"path": path}).json()["data"]
    assert resolved["locale"] == "en" and resolved["url"] == path
    assert resolved["title"] == "Leaders' conference in spring 2025"
    old_path = "/en/nordland/handlingsplan-2024-2025/"
    assert client.get("/api/v1/resolve/", {"path": old_path}).status_code == 404

    urls, plan_entry, offset = [], None, 0
    while True:
        body = client.get("/api/v1/sitemap/", {"limit": 100, "offset": offset}).json()
        urls += [entry["url"] for entry in body["results"]]
        plan_entry = plan_entry or next(
            (entry for entry in body["results"] if entry["id"] == bokmal.pk), None
        )
        if not body["next"]:
            break
        offset += 100
    assert ENGLISH_PLAN in urls and path in urls
    assert not [url for url in urls if url.startswith("/en/") and "handlingsplan" in url]
    assert plan_entry["translations"]["en"]["url"] == ENGLISH_PLAN
    plan = client.get(f"/api/v1/plans/{bokmal.pk}/", {"locale": "nb"}).json()
    assert plan["translations"]["en"]["url"] == ENGLISH_PLAN
    cache.clear()
