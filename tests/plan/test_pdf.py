"""The plan as a printable PDF: its shape, language, accessibility, cache and doors.

The demo plan (Nordland 2024–2025) is read back with pypdf: the contents entries point at the
pages where the chapters start, every strategy and measure is there, headings are in the
requested language, and the PDF is tagged with its language and title.
"""

from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from access.branch_groups import branch_groups
from home.services.branch import create_branch
from plan.models import MeasurePage, StrategyPage
from plan.services import pdf as pdf_service
from plan.services.pdf import service as pdf_module
from tests.demo import children, plan_in
from tests.plan.pdf_reading import read_pdf

pytestmark = pytest.mark.django_db

HEADINGS = {
    "nb": {
        "contents": "Innhold",
        "chapters": [
            "1 Innledning",
            "2 Bakgrunn og utviklingsområde",
            "3 Målsetting, strategier, tiltak",
            "3.1 Overordnet mål",
            "3.2 Strategier",
            "3.3 Tiltak",
        ],
        "title": "Handlingsplan for Norsk kulturskoleråd Nordland 2024–2025",
        "contact": "Kontaktinformasjon:",
        "credit": "Forsidebilde: Norsk kulturskoleråd",
        "quoted": "«%s»",
    },
    "en": {
        "contents": "Contents",
        "chapters": [
            "1 Introduction",
            "2 Background and development area",
            "3 Goal, strategies and measures",
            "3.1 Overall goal",
            "3.2 Strategies",
            "3.3 Measures",
        ],
        "title": "Action plan for Norsk kulturskoleråd Nordland 2024–2025",
        "contact": "Contact information:",
        "credit": "Cover image: Norsk kulturskoleråd",
        "quoted": "“%s”",
    },
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def pdfs(demo, django_db_blocker):
    """The demo plan's PDF in each language, as the API serves it (rendered once)."""
    client = Client()
    with django_db_blocker.unblock():
        cache.clear()
        return {
            language: read_pdf(api_pdf(client, plan_in("nb"), language).content)
            for language in ("nb", "en")
        }


def api_pdf(client, plan, language):
    response = client.get(f"/api/v1/plans/{plan.pk}/pdf/", {"locale": language})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return response


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_pdf_has_the_originals_shape_in_the_requested_language(pdfs, language):
    expected = HEADINGS[language]
    document = pdfs[language]

    assert len(document.pages) == 7
    toc = document.toc(expected["contents"])
    assert [entry for entry, _page in toc] == expected["chapters"]
    for entry, page in toc:
        assert document.first_page_with(entry) == page, entry
    chapter_pages = [page for _entry, page in toc]
    assert chapter_pages == sorted(chapter_pages)
    assert chapter_pages[:3] == [3, 4, 5]
    for number, text in enumerate(document.pages, start=1):
        assert text.rstrip().endswith(f"{expected['title']} {number}"), number  # running header
    whole = "\n".join(document.pages)
    assert expected["contact"] in whole and expected["credit"] in whole
    area = plan_in(language).development_area_title
    assert expected["quoted"] % area in " ".join(whole.split())


def test_every_strategy_and_measure_in_plan_order(pdfs):
    document = pdfs["en"]
    whole = " ".join(" ".join(document.pages).split())
    measures_at = whole.rindex("3.3 Measures")  # the chapter, after the contents entry
    strategies_at = whole.rindex("3.2 Strategies")

    positions = []
    for strategy in children(plan_in("en"), StrategyPage):
        assert strategy.title in whole[strategies_at:measures_at]  # the list of 3.2
        positions.append(whole.index(f"{strategy.title}: {strategy.lead}", measures_at))
        for measure in children(strategy, MeasurePage):
            positions.append(whole.index(" ".join(measure.title.split()), measures_at))
    assert positions == sorted(positions)
    assert len(positions) == 3 + 8


def test_the_background_keeps_the_lead_ins_before_the_definitions(pdfs):
    document = pdfs["nb"]
    chapter = " ".join(document.pages[3].split())

    lead_in = chapter.index("definerer begrepet samhandling slik:")
    definition = chapter.index("Samhandling, interaksjon, er en betegnelse")
    second_lead_in = chapter.index("Begrepet kan defineres slik:")
    second = chapter.index("Samskaping handler om at ulike offentlige")
    assert lead_in < definition < second_lead_in < second
    assert chapter.index("Torfing, Sørensen, Røiseland (2020)") > second
    assert chapter.count("I perioden 2024–2025 jobber") == 1


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_pdf_is_tagged_with_its_language_title_and_alt_text(pdfs, language):
    document = pdfs[language]

    assert document.catalog["/Lang"] == language
    assert document.catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in document.catalog
    assert document.reader.metadata.title == HEADINGS[language]["title"]
    # The plan's alt text of the cover in the document's language.
    assert plan_in(language).cover_image_alt in document.alt_texts()
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in document.reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("+" in font for font in fonts)  # subsets: embedded


def test_a_second_request_is_served_from_the_cache(demo, client):
    plan = plan_in("nb")
    first = api_pdf(client, plan, "nb")

    with mock.patch.object(pdf_module, "render_pdf", side_effect=AssertionError("rendered")):
        second = api_pdf(client, plan, "nb")
        assert (
            client.get(
                f"/api/v1/plans/{plan.pk}/pdf/", {"locale": "nb"}, HTTP_IF_NONE_MATCH=first["ETag"]
            ).status_code
            == 304
        )
    assert second.content == first.content

    measure = MeasurePage.objects.get(slug="ks-nord", locale__language_code="nb")
    measure.title = "Samhandling med KS Nord om kulturskolen"
    measure.save_revision().publish()
    third = read_pdf(api_pdf(client, plan, "nb").content)
    assert "Samhandling med KS Nord om kulturskolen" in " ".join(" ".join(third.pages).split())


def test_drafts_are_not_public(demo, client):
    plan = plan_in("nb")
    plan.unpublish()

    response = client.get(f"/api/v1/plans/{plan.pk}/pdf/")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_without_weasyprint_the_api_answers_503(demo, client):
    def missing():
        raise pdf_service.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    with mock.patch.object(pdf_module, "_weasyprint", missing):
        response = client.get(
            f"/api/v1/plans/{plan_in('nb').pk}/pdf/", HTTP_ACCEPT="application/pdf"
        )

    assert response.status_code == 503
    assert response.json()["status"] == 503
    assert "PDF" in response.json()["detail"]


def test_the_command_writes_the_pdf(demo, tmp_path):
    output = tmp_path / "plan.pdf"

    call_command(
        "plan_pdf",
        str(plan_in("nb").pk),
        "--locale",
        "en",
        "--output",
        str(output),
        stdout=StringIO(),
    )

    assert read_pdf(output.read_bytes()).catalog["/Lang"] == "en"
    with pytest.raises(CommandError, match="xx"):
        call_command("plan_pdf", str(plan_in("nb").pk), "--locale", "xx", "-o", str(output))
    with pytest.raises(CommandError, match="999999"):
        call_command("plan_pdf", "999999", "-o", str(output))


def test_editors_download_the_draft_from_the_admin(demo, client):
    plan = plan_in("nb")
    measure = MeasurePage.objects.get(slug="ks-nord", locale__language_code="nb")
    measure.title = "Utkast: møte med KS Nord"
    measure.save_revision()  # a draft, not published
    editor = get_user_model().objects.get(username="redaktor")
    client.force_login(editor)

    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk]))
    url = reverse("plan_pdf", args=[plan.pk])
    assert url in edit_page.content.decode()
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(read_pdf(response.content).pages).split())
    assert "Utkast: møte med KS Nord" in text
    assert "Utkast: møte med KS Nord" not in " ".join(
        read_pdf(api_pdf(client, plan, "nb").content).pages
    )


def test_another_branchs_editor_cannot_download_it(demo, client):
    troms = create_branch("troms", "Norsk kulturskoleråd Troms").branch
    editors, _approvers = branch_groups(troms)
    user = get_user_model().objects.create_user("troms-redaktor", password="x")
    user.groups.add(editors)
    client.force_login(user)

    assert client.get(reverse("plan_pdf", args=[plan_in("nb").pk])).status_code == 403
