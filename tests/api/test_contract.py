"""Contract tests: every endpoint in every language answers in its documented shape."""

import pytest

from .openapi import assert_matches_schema

LOCALES = ["nb", "en"]


def endpoint_paths(content, locale):
    plan, measure = content.plan, content.measures[0]
    return {
        "index": ("/api/v1/", {}),
        "branches": ("/api/v1/branches/", {}),
        "branch": ("/api/v1/branches/troms/", {}),
        "plans": ("/api/v1/plans/", {}),
        "plan": (f"/api/v1/plans/{plan.pk}/", {}),
        "measures": ("/api/v1/measures/", {}),
        "measure": (f"/api/v1/measures/{measure.pk}/", {}),
        "resources": ("/api/v1/resources/", {}),
        "resource": (f"/api/v1/resources/{content.resource.pk}/", {}),
        "events": ("/api/v1/events/", {}),
        "event": (f"/api/v1/events/{content.events['upcoming'].pk}/", {}),
        "sitemap": ("/api/v1/sitemap/", {}),
        "resolve": ("/api/v1/resolve/", {"path": f"/{locale}/troms/handlingsplan-2024-2025/"}),
    }


ENDPOINTS = [
    "index",
    "branches",
    "branch",
    "plans",
    "plan",
    "measures",
    "measure",
    "resources",
    "resource",
    "events",
    "event",
    "sitemap",
    "resolve",
]


def objects_of(body):
    """The page objects of a list or detail body."""
    if "results" in body:
        return body["results"]
    if "data" in body:
        return [body["data"]]
    return [body] if "key" in body else []


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_endpoint_answers_in_its_documented_shape(get, content, endpoint, locale):
    path, params = endpoint_paths(content, locale)[endpoint]
    response = get(path, locale=locale, **params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert_matches_schema(response)
    body = response.content.decode()
    assert "linktype=" not in body and "embedtype=" not in body
    for obj in objects_of(response.json()):
        if endpoint != "sitemap":  # the sitemap lists every language
            assert obj["locale"] == locale or obj["fallback"] is True
        assert obj["url"].startswith(f"/{obj['locale']}/")
        assert obj["translations"][obj["locale"]]["id"] == obj["id"]


def test_plan_detail_is_the_whole_plan_in_one_response(get, content):
    plan = get(f"/api/v1/plans/{content.plan.pk}/", locale="nb").json()
    assert plan["title"] == "Handlingsplan 2024–2025"
    assert plan["url"] == "/nb/troms/handlingsplan-2024-2025/"
    assert plan["period"] == {"start": 2024, "end": 2025, "label": "2024–2025"}
    assert plan["stage"] == "adopted"
    assert plan["branch"]["url"] == "/nb/troms/"
    assert plan["development_area"]["title"] == "Samhandling"
    assert plan["overall_goal"] == "<p>Alle barn og unge skal få tilbud om kulturskole.</p>"
    assert plan["background"] == [
        {"type": "text", "text": "<p>Begrepet kan defineres slik:</p>"},
        {
            "type": "definition",
            "term": "Samhandling",
            "definition": "<p>Å handle sammen.</p>",
            "source": "Store norske leksikon",
            "source_url": "https://snl.no/samhandling",
        },
    ]
    [quote] = plan["quotes"]
    assert quote["text"] == "Vi skaper verdi sammen." and quote["page_number"] == "6"
    assert quote["resource"]["id"] == content.resource.pk
    assert quote["resource"]["url"] == "/nb/troms/ressurser/la-oss-gjore-det-sammen/"
    assert plan["contact_person"]["name"] == "Kari Nordmann"
    assert plan["cover_image"]["alt"] == content.image.description
    assert plan["cover_image"]["credit"] == "Foto: Norsk kulturskoleråd"
    assert set(plan["cover_image"]["renditions"]) == {"small", "medium", "large"}

    assert [s["title"] for s in plan["strategies"]] == ["Informere", "Samarbeide"]
    informere, samarbeide = plan["strategies"]
    assert [g["number"] for g in informere["goals"]] == [4]
    assert [m["title"] for m in informere["measures"]] == ["Fadderordning", "Nyhetsbrev"]
    assert [m["title"] for m in samarbeide["measures"]] == ["Nettverksmøter", "Samarbeid med KS"]

    measure = informere["measures"][0]
    assert measure["status"] == "completed"
    assert [u["status"] for u in measure["status_updates"]] == ["ongoing", "completed"]
    assert measure["timing"]["text"] == "våren 2025"
    assert measure["partners"] == [
        {
            "organisation": {
                "id": content.organisation.pk,
                "key": str(content.organisation.translation_key),
                "fallback": False,
                "name": "KS Nord",
                "short_name": "KS",
                "kind": "public",
                "kind_label": "Offentlig virksomhet",
                "website": "",
            },
            "role": "partner",
            "role_label": "Samarbeidspartner",
        }
    ]
    assert measure["status_label"] == "Fullført"
    assert [u["status_label"] for u in measure["status_updates"]] == ["Pågår", "Fullført"]
    assert measure["type_label"] == "tiltak"
    assert plan["stage_label"] == "Vedtatt"
    assert [t["name"] for t in measure["target_groups"]] == ["Kulturskoleledere"]
    assert [c["name"] for c in measure["contacts"]] == ["Kari Nordmann"]
    assert [g["number"] for g in measure["goals"]] == [4]
    assert [e["id"] for e in measure["related_events"]] == [content.events["upcoming"].pk]
    assert measure["related_events"][0]["url"] == "/nb/troms/arrangementer/lederkonferansen/"
    assert [r["id"] for r in measure["related_resources"]] == [content.resource.pk]


def test_rich_text_links_point_at_the_website_and_downloads(get, content, settings):
    settings.FRONTEND_BASE_URL = "https://www.kulturskoleradet.no"
    settings.API_ASSET_BASE_URL = "https://cms.kulturskoleradet.no"
    plan = get(f"/api/v1/plans/{content.plan.pk}/", locale="en").json()
    introduction = plan["introduction"]
    assert (
        '<a href="https://www.kulturskoleradet.no/en/troms/ressurser/la-oss-gjore-det-sammen/">'
        in introduction
    )
    assert (
        f'<a href="https://cms.kulturskoleradet.no/documents/{content.document.pk}/' in introduction
    )
    assert '<img src="https://cms.kulturskoleradet.no/media/images/' in introduction
    assert 'alt="Barn som spiller"' in introduction
    measure = plan["strategies"][0]["measures"][0]
    assert (
        'href="https://www.kulturskoleradet.no/en/troms/handlingsplan-2024-2025/"'
        in (measure["summary"])
    )
    assert plan["url"] == "https://www.kulturskoleradet.no/en/troms/handlingsplan-2024-2025/"


def test_branch_by_slug_with_contacts_and_plans(get, content):
    branch = get("/api/v1/branches/troms/", locale="en").json()
    assert branch["id"] == content.en(content.branch).pk
    assert branch["short_name"] == "Troms"
    assert [c["name"] for c in branch["contacts"]] == ["Kari Nordmann"]
    assert [p["id"] for p in branch["plans"]] == [content.en(content.plan).pk]
    missing = get("/api/v1/branches/finnmark/")
    assert missing.status_code == 404
    assert missing.json()["status"] == 404


def test_contact_photo_only_with_consent(get, content):
    contact = content.fresh(content.contact)
    contact.photo_consent = False
    contact.save()
    branch = get("/api/v1/branches/troms/", locale="nb").json()
    assert branch["contacts"][0]["photo"] is None


def test_measure_detail_names_its_plan_and_strategy(get, content):
    measure = get(f"/api/v1/measures/{content.measures[0].pk}/", locale="nb").json()
    assert measure["plan"]["id"] == content.plan.pk
    assert measure["strategy"]["id"] == content.strategies[0].pk
    assert measure["branch"]["id"] == content.branch.pk


def test_resource_has_bibliographic_data_document_topics_and_measures(get, content):
    resource = get(f"/api/v1/resources/{content.resource.pk}/", locale="nb").json()
    assert resource["publication"]["authors"] == "Ola Nordmann (red.)"
    assert resource["publication"]["year"] == 2023
    assert resource["document"]["url"].endswith(f"/documents/{content.document.pk}/dokument.txt")
    assert [t["slug"] for t in resource["topics"]] == ["samskaping"]
    assert [m["id"] for m in resource["measures"]] == [content.measures[0].pk]


def test_event_has_programme_and_measures(get, content):
    event = get(f"/api/v1/events/{content.events['upcoming'].pk}/", locale="nb").json()
    assert event["kind"] == "conference"
    assert event["programme"] == [
        {"time": "09:30", "item": "Velkommen", "speaker": "", "description": ""}
    ]
    assert [m["id"] for m in event["measures"]] == [content.measures[0].pk]


def test_index_lists_the_endpoints(get):
    index = get("/api/v1/").json()
    assert index["locales"] == ["nb", "en"] and index["default_locale"] == "nb"
    assert index["endpoints"]["plans"].endswith("/api/v1/plans/")
    assert index["endpoints"]["docs"].endswith("/api/docs/")


def test_index_lists_every_code_with_its_labels_in_every_language(get):
    codes = get("/api/v1/", locale="en").json()["codes"]
    assert set(codes) == {
        "event_format",
        "event_kind",
        "locale",
        "measure_status",
        "organisation_kind",
        "organisation_role",
        "page_type",
        "plan_stage",
    }
    assert {"code": "completed", "labels": {"nb": "Fullført", "en": "Completed"}} in codes[
        "measure_status"
    ]
    assert {"code": "adopted", "labels": {"nb": "Vedtatt", "en": "Adopted"}} in codes["plan_stage"]
    assert [c["code"] for c in codes["event_kind"]] == [
        "conference",
        "recurring_digital_meeting",
        "meeting",
        "deadline",
    ]
    assert {c["code"] for c in codes["page_type"]} >= {"plan", "measure", "event", "home"}
    for entries in codes.values():
        for entry in entries:
            assert set(entry["labels"]) == {"nb", "en"}, entry
            assert all(entry["labels"].values()), entry


def test_every_coded_value_carries_its_label_in_the_response_language(get, content):
    event = get(f"/api/v1/events/{content.events['past'].pk}/", locale="en").json()
    assert (event["kind"], event["kind_label"]) == ("meeting", "Meeting")
    assert (event["format"], event["format_label"]) == ("physical", "Physical")
    measure = get(f"/api/v1/measures/{content.measures[0].pk}/", locale="en").json()
    assert (measure["status"], measure["status_label"]) == ("completed", "Completed")
    assert measure["partners"][0]["role_label"] == "Partner"
    assert measure["plan"]["type_label"] == "action plan"
    bokmal = get(f"/api/v1/events/{content.events['past'].pk}/", locale="nb").json()
    assert (bokmal["kind_label"], bokmal["format_label"]) == ("Møte", "Fysisk")
    resolved = get("/api/v1/resolve/", path="/en/troms/arrangementer/arsmotet/", locale="nb")
    assert resolved.json()["data"]["kind_label"] == "Meeting"
    assert resolved["Content-Language"] == "en"


def test_lists_are_paginated(get, content):
    first = get("/api/v1/measures/", limit=2).json()
    assert first["count"] == 4 and len(first["results"]) == 2
    assert "offset=2" in first["next"]
    rest = get("/api/v1/measures/", limit=2, offset=2).json()
    titles = [m["title"] for m in first["results"] + rest["results"]]
    assert titles == ["Fadderordning", "Nyhetsbrev", "Nettverksmøter", "Samarbeid med KS"]
    assert len(get("/api/v1/measures/", limit=100).json()["results"]) == 4
    too_many = get("/api/v1/measures/", limit=101)
    assert too_many.status_code == 400
    assert too_many.json()["errors"][0]["parameter"] == "limit"
