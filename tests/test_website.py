"""The reference website as the CMS serves it: page URLs, the preview route and previews."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from home.services.branch import create_branch
from tests.branches.builders import make_user
from tests.factories import (
    EventPageFactory,
    ResourceArticlePageFactory,
    make_plan,
    translate_tree,
)

pytestmark = pytest.mark.django_db

WEBSITE_SCRIPT = '<script type="module" src="/site/app.js"></script>'


@pytest.fixture
def tree():
    """A plan with one strategy and one measure, in Bokmål."""
    return make_plan(strategies=1, measures_per_strategy=1)


@pytest.fixture
def every_page_type(tree):
    """The plan translated to English, and a resource and an event beside it."""
    ResourceArticlePageFactory(parent__parent=tree.branch)
    EventPageFactory(parent__parent=tree.branch)
    translate_tree(tree.plan, "en")
    return tree


def public_pages():
    return [page.specific for page in Page.objects.filter(depth__gt=1, live=True)]


def test_every_page_url_shows_the_website_in_every_language(client, every_page_type):
    pages = public_pages()
    assert {page.locale.language_code for page in pages} == {"nb", "en"}
    assert {type(page).__name__ for page in pages} >= {
        "HomePage",
        "BranchPage",
        "ActionPlanPage",
        "StrategyPage",
        "MeasurePage",
        "ResourceIndexPage",
        "ResourceArticlePage",
        "EventIndexPage",
        "EventPage",
    }
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert WEBSITE_SCRIPT in response.content.decode(), page.url


@override_settings(FRONTEND_BASE_URL="https://www.example.no")
def test_with_a_frontend_page_urls_redirect_to_the_page_on_the_website(client, tree):
    measure = tree.measures[0]
    url = measure.get_url()
    assert url.startswith("/nb/")

    response = client.get(url + "?utm=1")

    assert response.status_code == 302
    assert response["Location"] == f"https://www.example.no{url}?utm=1"


def test_vis_publisert_in_the_admin_leads_to_the_website(client, admin_user, tree):
    client.force_login(admin_user)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[tree.plan.pk])).content.decode()
    live_url = tree.plan.get_url()
    assert f'href="{live_url}"' in edit

    response = client.get(live_url)

    assert response.status_code == 200
    assert WEBSITE_SCRIPT in response.content.decode()


@override_settings(DEBUG=False)
def test_an_unknown_page_path_is_a_404_that_the_website_shows(client, tree):
    response = client.get("/nb/nordland/finnes-ikke/")
    assert response.status_code == 404
    assert WEBSITE_SCRIPT in response.content.decode()

    draft = make_plan(branch=tree.branch, live=False, period_start=2030, period_end=2031)
    assert client.get(draft.plan.get_url()).status_code == 404


@override_settings(DEBUG=False)
def test_404s_of_the_api_and_documents_are_not_the_website(client, tree):
    api = client.get("/api/v1/plans/999999/")
    assert api.status_code == 404 and api["Content-Type"] == "application/json"
    document = client.get("/documents/999999/missing.pdf")
    assert document.status_code == 404
    assert WEBSITE_SCRIPT not in document.content.decode()


def test_the_preview_route_may_be_framed_by_the_admin(client):
    response = client.get("/preview/", {"content_type": "plan.measurepage", "token": "x"})
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert WEBSITE_SCRIPT in response.content.decode()


@pytest.mark.parametrize("path", ["/site/app.js", "/site/site.css", "/config.js"])
def test_the_websites_files_are_served(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)


class _InlineCode(HTMLParser):
    """Collects what a strict Content-Security-Policy would block in an HTML file."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        self.problems += [f"{name}= on <{tag}>" for name in attributes if name == "style"]
        self.problems += [f"{name}= on <{tag}>" for name in attributes if name.startswith("on")]


def test_the_website_has_no_inline_scripts_or_styles():
    website = settings.BASE_DIR / "website"
    for html in website.rglob("*.html"):
        parser = _InlineCode()
        parser.feed(html.read_text())
        assert parser.problems == [], html.name
    for script in website.rglob("*.js"):
        text = script.read_text()
        assert ".style." not in text and 'setAttribute("style"' not in text, script.name
        assert "eval(" not in text and "new Function" not in text, script.name


def preview_url_in(response):
    """The preview URL the admin's preview page frames."""
    match = re.search(r'<iframe[^>]* src="([^"]+)"', response.content.decode())
    assert match, response.content.decode()[:500]
    return match.group(1).replace("&amp;", "&")


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def nordland():
    branch = create_branch("nordland", "Norsk kulturskoleråd Nordland")
    tree = make_plan(branch=branch.branch, strategies=1, measures_per_strategy=1)
    return branch, tree


def test_the_preview_panel_shows_the_draft_through_the_website_on_the_editors_host(
    client, nordland
):
    branch, tree = nordland
    editor = make_user("nordland-redaktor", branch.editors)
    client.force_login(editor)
    measure = tree.measures[0]
    edit_url = reverse("wagtailadmin_pages:edit", args=[measure.pk])
    host = {"HTTP_HOST": "127.0.0.1:18801"}
    data = querydict_from_html(client.get(edit_url, **host).content.decode(), "page-edit-form")
    data["summary"] = data["summary"].replace("Om tiltak", "Utkast om tiltak")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[measure.pk])

    assert client.post(preview_url, data, **host).json()["is_valid"] is True
    response = client.get(preview_url, **host)

    url = preview_url_in(response)
    assert url.startswith("http://127.0.0.1:18801/preview/?content_type=plan.measurepage&token=")
    assert "style=" not in response.content.decode()
    draft = client.get("/api/v1/preview/", query_of(url))
    assert "Utkast om tiltak" in draft.json()["summary"]
    assert "Utkast" not in client.get(f"/api/v1/measures/{measure.pk}/").json()["summary"]


def test_the_approvers_preview_of_a_revision_shows_it_through_the_website(
    client, admin_user, nordland
):
    _, tree = nordland
    measure = tree.measures[0]
    measure.title = "Tiltak til godkjenning"
    revision = measure.save_revision()
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:revisions_view", args=[measure.pk, revision.pk])

    response = client.get(url, HTTP_HOST="localhost:18801")

    preview = preview_url_in(response)
    assert preview.startswith("http://localhost:18801/preview/?")
    draft = client.get("/api/v1/preview/", query_of(preview))
    assert draft.json()["title"] == "Tiltak til godkjenning"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"FRONTEND_BASE_URL": "https://www.example.no"}, "https://www.example.no/preview/?"),
        (
            {"HEADLESS_PREVIEW_URL": "https://site.example.no/utkast/"},
            "https://site.example.no/utkast/?",
        ),
    ],
)
def test_a_configured_website_receives_the_preview(
    client, admin_user, nordland, overrides, expected
):
    _, tree = nordland
    revision = tree.plan.save_revision()
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:revisions_view", args=[tree.plan.pk, revision.pk])
    with override_settings(**overrides):
        assert preview_url_in(client.get(url)).startswith(expected)
