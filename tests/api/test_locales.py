"""Language negotiation, translations by key and fallback to the default language."""

import pytest


def test_locale_parameter_picks_the_language(get, content):
    nb = get(f"/api/v1/plans/{content.plan.pk}/", locale="nb").json()
    en = get(f"/api/v1/plans/{content.plan.pk}/", locale="en").json()
    assert nb["locale"] == "nb" and nb["title"] == "Handlingsplan 2024–2025"
    assert en["locale"] == "en" and en["title"] == "Handlingsplan 2024–2025 (en)"
    assert en["key"] == nb["key"]
    assert en["translations"] == nb["translations"]
    assert nb["translations"] == {
        "nb": {"id": content.plan.pk, "url": "/nb/troms/handlingsplan-2024-2025/"},
        "en": {"id": en["id"], "url": "/en/troms/handlingsplan-2024-2025/"},
    }


def test_any_translations_id_gives_the_requested_language(get, content):
    english_id = content.en(content.plan).pk
    assert get(f"/api/v1/plans/{english_id}/", locale="nb").json()["id"] == content.plan.pk
    assert get(f"/api/v1/plans/{content.plan.pk}/", locale="en").json()["id"] == english_id


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("en", "en"),
        ("en-GB,en;q=0.9,nb;q=0.8", "en"),
        ("nb-NO", "nb"),
        ("no", "nb"),
        ("de-DE,fr;q=0.9", "nb"),
        ("", "nb"),
        ("this is; not a header", "nb"),
    ],
)
def test_accept_language_decides_without_a_locale_parameter(get, content, header, language):
    response = get(f"/api/v1/plans/{content.plan.pk}/", headers={"accept-language": header})
    assert response.status_code == 200
    assert response.json()["locale"] == language


def test_locale_parameter_wins_over_accept_language(get, content):
    response = get("/api/v1/plans/", locale="nb", headers={"accept-language": "en"})
    assert response.json()["results"][0]["locale"] == "nb"


def test_accept_language_is_part_of_the_cache_key(get, content):
    english = get("/api/v1/plans/", headers={"accept-language": "en"})
    bokmal = get("/api/v1/plans/", headers={"accept-language": "nb"})
    assert english.json()["results"][0]["locale"] == "en"
    assert bokmal.json()["results"][0]["locale"] == "nb"
    assert english["ETag"] != bokmal["ETag"]


def test_unknown_locale_is_a_400_listing_the_valid_ones(get, content):
    response = get("/api/v1/plans/", locale="de")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == "locale"
    assert "nb, en" in error["message"]


def test_untranslated_page_falls_back_to_the_default_language(get, content):
    measure = get(f"/api/v1/measures/{content.untranslated_measure.pk}/", locale="en").json()
    assert measure["locale"] == "nb" and measure["fallback"] is True
    assert measure["title"] == "Samarbeid med KS"
    assert list(measure["translations"]) == ["nb"]
    assert measure["plan"]["locale"] == "en"  # its plan is translated


def test_unpublished_translation_is_a_fallback_too(get, content):
    source = content.unpublished_translation_measure
    measure = get(f"/api/v1/measures/{source.pk}/", locale="en").json()
    assert measure["id"] == source.pk and measure["fallback"] is True
    assert list(measure["translations"]) == ["nb"]
    english_id = content.en(source).pk
    assert get(f"/api/v1/measures/{english_id}/", locale="en").status_code == 404


def test_lists_keep_the_default_trees_order_and_mark_fallbacks(get, content):
    measures = get("/api/v1/measures/", locale="en").json()["results"]
    assert [(m["title"], m["fallback"]) for m in measures] == [
        ("Fadderordning (en)", False),
        ("Nyhetsbrev (en)", False),
        ("Nettverksmøter", True),
        ("Samarbeid med KS", True),
    ]


def test_structure_comes_from_the_default_tree(get, content):
    """Moving a Bokmål measure moves it in every language; wagtail-localize does not sync it."""
    source = content.fresh(content.measures[1])
    source.move(content.fresh(content.strategies[1]), pos="last-child")
    plan = get(f"/api/v1/plans/{content.plan.pk}/", locale="en").json()
    informere, samarbeide = plan["strategies"]
    assert [m["title"] for m in informere["measures"]] == ["Fadderordning (en)"]
    assert [m["title"] for m in samarbeide["measures"]][-1] == "Nyhetsbrev (en)"
    measure = get(f"/api/v1/measures/{source.pk}/", locale="en").json()
    assert measure["strategy"]["id"] == content.en(content.strategies[1]).pk


def test_snippets_come_in_the_pages_language(get, content):
    plan = get(f"/api/v1/plans/{content.plan.pk}/", locale="en").json()
    partner = plan["strategies"][0]["measures"][0]["partners"][0]["organisation"]
    english = content.organisation.get_translation(content.en(content.plan).locale)
    assert partner["id"] == english.pk
    assert partner["key"] == str(content.organisation.translation_key)


@pytest.mark.parametrize(
    ("value", "language"),
    [("EN", "en"), ("en-GB", "en"), ("nb-NO", "nb"), ("NB-no", "nb"), ("no", "nb"), ("No", "nb")],
)
def test_locale_parameter_takes_the_forms_of_accept_language(get, content, value, language):
    response = get(f"/api/v1/plans/{content.plan.pk}/", locale=value)
    assert response.status_code == 200
    assert response.json()["locale"] == language
    assert response["Content-Language"] == language


@pytest.mark.parametrize("value", ["de", "nn-NO", "nb_NO", "en-", "-en", "english", "n", " nb"])
def test_other_locale_values_are_a_400_naming_the_valid_ones(get, content, value):
    response = get("/api/v1/plans/", locale=value, headers={"accept-language": "en"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == "locale"
    assert error["message"].endswith("valid locales: nb, en.")


def test_nynorsk_is_accepted_when_it_is_a_content_language(get, content, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("nn", "Nynorsk")]
    response = get(f"/api/v1/plans/{content.plan.pk}/", locale="nn-NO")
    assert response.status_code == 200
    assert response["Content-Language"] == "nn"
    body = response.json()  # no Nynorsk translation: the Bokmål page, marked as a fallback
    assert body["locale"] == "nb" and body["fallback"] is True
    assert body["stage_label"] == "Vedtatt"  # no Nynorsk catalogue: labels in Bokmål


@pytest.mark.parametrize(
    ("params", "headers", "language"),
    [
        ({"locale": "en"}, {}, "en"),
        ({"locale": "en"}, {"accept-language": "nb"}, "en"),
        ({}, {"accept-language": "en-US,en;q=0.8"}, "en"),
        ({}, {}, "nb"),
    ],
)
def test_content_language_is_the_language_of_the_body(get, content, params, headers, language):
    for _attempt in range(2):  # rendered, then from the response cache
        response = get("/api/v1/measures/", headers=headers, **params)
        assert response.status_code == 200
        assert response["Content-Language"] == language
        assert {"Accept-Language", "Origin"} <= {v.strip() for v in response["Vary"].split(",")}
        assert response.json()["results"][0]["locale"] == language
