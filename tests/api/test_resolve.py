"""Resolving website paths to pages and redirects."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from .openapi import assert_matches_schema

PLAN_PATH = "/nb/troms/handlingsplan-2024-2025/"


@pytest.mark.parametrize(
    ("path", "type_name"),
    [
        ("/nb/", "home"),
        ("/nb/troms/", "branch"),
        (PLAN_PATH, "plan"),
        ("/nb/troms/handlingsplan-2024-2025/informere/", "strategy"),
        ("/nb/troms/handlingsplan-2024-2025/informere/fadderordning/", "measure"),
        ("/nb/troms/ressurser/", "resource_index"),
        ("/nb/troms/ressurser/la-oss-gjore-det-sammen/", "resource"),
        ("/nb/troms/arrangementer/", "event_index"),
        ("/nb/troms/arrangementer/lederkonferansen/", "event"),
        ("/en/troms/handlingsplan-2024-2025/", "plan"),
    ],
)
def test_public_paths_resolve_to_their_page(get, path, type_name):
    response = get("/api/v1/resolve/", path=path)
    assert response.status_code == 200, response.content
    assert_matches_schema(response)
    body = response.json()
    assert body["type"] == type_name
    assert body["locale"] == path.split("/")[1]
    assert body["data"]["id"] == body["id"]
    assert body["data"]["url"] == path
    assert body["redirect"] is None


def test_resolved_data_has_the_shape_of_the_detail_endpoint(get, content):
    resolved = get("/api/v1/resolve/", path=PLAN_PATH).json()["data"]
    detail = get(f"/api/v1/plans/{content.plan.pk}/", locale="nb").json()
    assert resolved == detail


def test_path_without_trailing_slash_or_with_a_query(get, content):
    assert get("/api/v1/resolve/", path=PLAN_PATH.rstrip("/")).json()["id"] == content.plan.pk
    assert get("/api/v1/resolve/", path=PLAN_PATH + "?utm=x").json()["id"] == content.plan.pk


def test_the_paths_language_decides(get, content):
    english = get("/api/v1/resolve/", path=PLAN_PATH.replace("/nb/", "/en/"), locale="nb").json()
    assert english["locale"] == "en"
    assert english["id"] == content.en(content.plan).pk


@pytest.mark.parametrize("path", ["/", "/de/troms/", "/nb/finnes-ikke/", "/nb/troms/x/y/"])
def test_unknown_paths_are_404(get, content, path):
    response = get("/api/v1/resolve/", path=path)
    assert response.status_code == 404
    assert_matches_schema(response)


def test_redirect_to_a_page(get, content):
    Redirect.objects.create(old_path="/nb/gammel-plan", redirect_page=content.plan)
    body = get("/api/v1/resolve/", path="/nb/gammel-plan/").json()
    assert body["type"] == "redirect"
    assert body["redirect"] == {"location": PLAN_PATH, "status": 301}


def test_temporary_redirect_to_a_link(get, content):
    Redirect.objects.create(
        old_path="/kampanje", redirect_link="https://example.org/", is_permanent=False
    )
    response = get("/api/v1/resolve/", path="/kampanje")
    assert_matches_schema(response)
    assert response.json()["redirect"] == {"location": "https://example.org/", "status": 302}


def test_redirect_to_a_hidden_page_is_404(get, content):
    Redirect.objects.create(old_path="/nb/utkast", redirect_page=content.draft_measure)
    assert get("/api/v1/resolve/", path="/nb/utkast").status_code == 404


def test_a_page_wins_over_a_redirect(get, content):
    Redirect.objects.create(old_path=PLAN_PATH, redirect_link="https://example.org/")
    assert get("/api/v1/resolve/", path=PLAN_PATH).json()["type"] == "plan"


def test_index_and_home_objects_list_their_public_children_in_order(get, content):
    events = get("/api/v1/resolve/", path="/en/troms/arrangementer/").json()
    children = events["data"]["children"]
    assert [c["id"] for c in children] == [
        content.en(content.events[name]).pk for name in ("upcoming", "past", "recurring")
    ]
    assert set(children[0]) >= {"id", "key", "type", "title", "url"}
    assert children[0]["type"] == "event" and children[0]["url"].startswith("/en/troms/")
    assert events["children"] == children
    home = get("/api/v1/resolve/", path="/nb/").json()
    assert [c["id"] for c in home["data"]["children"]] == [content.branch.pk]
    resources = get("/api/v1/resolve/", path="/nb/troms/ressurser/").json()["data"]
    assert [c["title"] for c in resources["children"]] == ["La oss gjøre det sammen"]


def test_resolve_lists_public_children_only(get, content):
    plan = get("/api/v1/resolve/", path=PLAN_PATH).json()
    assert [c["title"] for c in plan["children"]] == ["Informere", "Samarbeide"]  # not "Intern"
    strategy = get("/api/v1/resolve/", path=PLAN_PATH + "samarbeide/").json()
    titles = [c["title"] for c in strategy["children"]]
    assert titles == ["Nettverksmøter", "Samarbeid med KS"]  # not the draft "Utkast"
