"""Previews of drafts for wagtail-headless-preview."""

from plan.models import MeasurePage, MeasurePartner

from .openapi import assert_matches_schema


def preview_of(page):
    preview = page.create_page_preview()
    return {"content_type": page.get_content_type_str(), "token": preview.token}


def test_preview_of_a_draft_has_the_shape_of_the_endpoint(get, content):
    plan = content.fresh(content.plan)
    plan.title = "Handlingsplan 2024–2025 (utkast)"
    response = get("/api/v1/preview/", **preview_of(plan))
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response
    assert_matches_schema(response)
    body = response.json()
    assert body["type"] == "plan" and body["title"] == "Handlingsplan 2024–2025 (utkast)"
    assert [s["title"] for s in body["strategies"]] == ["Informere", "Samarbeide"]
    published = get(f"/api/v1/plans/{content.plan.pk}/").json()
    assert published["title"] == "Handlingsplan 2024–2025"


def test_preview_shows_the_drafts_inline_rows(get, content):
    measure = content.fresh(content.measures[1])
    measure.partners.add(MeasurePartner(organisation=content.organisation))
    body = get("/api/v1/preview/", **preview_of(measure)).json()
    assert [p["organisation"]["name"] for p in body["partners"]] == ["KS Nord"]
    assert body["strategy"]["id"] == content.strategies[0].pk


def test_preview_of_a_translation_is_in_its_language(get, content):
    english = content.en(content.plan)
    english.title = "Action plan (draft)"
    body = get("/api/v1/preview/", locale="nb", **preview_of(english)).json()
    assert body["locale"] == "en" and body["title"] == "Action plan (draft)"


def test_preview_of_a_page_never_saved(get, content):
    strategy = content.fresh(content.strategies[0])
    measure = MeasurePage(title="Nytt tiltak", slug="nytt-tiltak", locale=strategy.locale)
    measure.depth = strategy.depth + 1
    measure.path = strategy.path + "ZZZZ"
    measure.set_url_path(strategy)
    body = get("/api/v1/preview/", **preview_of(measure)).json()
    assert body["title"] == "Nytt tiltak"
    assert body["id"] == 0
    assert body["url"] == "/nb/troms/handlingsplan-2024-2025/informere/nytt-tiltak/"


def test_unknown_or_forged_token_is_404(get, content):
    params = preview_of(content.fresh(content.plan))
    assert get("/api/v1/preview/", **{**params, "token": params["token"] + "x"}).status_code == 404
    wrong_type = {**params, "content_type": "plan.measurepage"}
    assert get("/api/v1/preview/", **wrong_type).status_code == 404
