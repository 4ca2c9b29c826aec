"""The status report for the annual meeting: the API (JSON, XLSX, CSV), the command and the
admin report of a branch, read back as a person gets them (openpyxl for the workbooks)."""

import csv
import datetime
import io
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from access.branch_groups import branch_groups
from home.services.branch import create_branch
from plan.models import MeasurePage, MeasureStatusUpdate, StrategyPage
from tests.demo import children, plan_in

pytestmark = pytest.mark.django_db

STATUS_HEADINGS = {
    "nb": ["Strategi", "Tiltak", "Planlagt", "Pågår", "Fullført", "Avlyst"],
    "en": ["Strategy", "Measures", "Planned", "Ongoing", "Completed", "Cancelled"],
}
MEASURE_HEADINGS = {
    "nb": "Tiltak Strategi Status Siste statusoppdatering Merknad Startdato Sluttdato",
    "en": "Measure Strategy Status Last status update Note Start date End date",
}


@pytest.fixture
def updates(demo):
    """Two measures with status updates, published: KS Nord ongoing, the conference done."""
    cache.clear()
    for slug, entries in {
        "ks-nord": [
            ("planned", datetime.date(2024, 9, 1), ""),
            ("ongoing", datetime.date(2025, 1, 10), "Møte holdt"),
        ],
        "lederkonferanse-2025": [("completed", datetime.date(2025, 5, 20), "120 deltakere")],
    }.items():
        bokmal = MeasurePage.objects.get(slug=slug, locale__language_code="nb")
        # nb and en (the English measure has an English slug), as a sync does
        for measure in [bokmal, *(page.specific for page in bokmal.get_translations())]:
            measure.status_updates = [
                MeasureStatusUpdate(status=status, date=day, note=note)
                for status, day, note in entries
            ]
            measure.save_revision().publish()
    yield
    cache.clear()


def report(client, plan, **params):
    response = client.get(f"/api/v1/plans/{plan.pk}/report/", params)
    assert response.status_code == 200, response.content[:300]
    return response


def test_json_report_lists_every_measure_with_counts(updates, client):
    data = report(client, plan_in("nb"), locale="nb").json()

    assert data["plan"]["title"] == "Handlingsplan 2024–2025"
    assert data["totals"]["measures"] == len(data["measures"]) == 8
    assert {s["code"]: s["count"] for s in data["totals"]["by_status"]} == {
        "planned": 6,
        "ongoing": 1,
        "completed": 1,
        "cancelled": 0,
    }
    assert [s["label"] for s in data["totals"]["by_status"]] == STATUS_HEADINGS["nb"][2:]
    assert [(s["strategy"], s["measures"]) for s in data["totals"]["by_strategy"]] == [
        ("Informere", 5),
        ("Samarbeide", 1),
        ("Arrangere", 2),
    ]
    ks = next(m for m in data["measures"] if m["title"] == "Samhandling med KS Nord")
    assert ks["strategy"] == "Informere"
    assert ks["status"] == {"code": "ongoing", "label": "Pågår"}
    assert ks["latest_update"] == {"date": "2025-01-10", "note": "Møte holdt"}
    assert ks["partners"] == [{"name": "KS Nord", "role": "partner"}]
    assert ks["contacts"][0]["name"] == "Sigrun E. Fostad"  # the plan's contact person
    english = report(client, plan_in("nb"), locale="en").json()
    assert english["measures"][0]["status"]["label"] == "Planned"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_xlsx_has_a_summary_and_a_sheet_per_strategy(updates, client, language):
    response = report(client, plan_in("nb"), locale=language, format="xlsx")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    workbook = load_workbook(io.BytesIO(response.content))

    strategies = [s.title for s in children(plan_in(language), StrategyPage)]
    assert workbook.sheetnames == [{"nb": "Sammendrag", "en": "Summary"}[language], *strategies]
    summary = workbook.worksheets[0]
    rows = list(summary.iter_rows(values_only=True))
    assert list(rows[0]) == STATUS_HEADINGS[language]
    assert rows[-1] == ({"nb": "Totalt", "en": "Total"}[language], 8, 6, 1, 1, 0)
    assert [row[1] for row in rows[1:-1]] == [5, 1, 2]
    assert summary.freeze_panes == "A2"
    assert summary.column_dimensions["A"].width == 40

    informere = workbook[strategies[0]]
    header = " ".join(str(c) for c in next(informere.iter_rows(values_only=True)))
    assert header.startswith(MEASURE_HEADINGS[language])
    assert informere.max_row == 1 + 5
    assert informere.freeze_panes == "A2"
    ks_row = next(r for r in informere.iter_rows(min_row=2) if "KS Nord" in r[0].value)
    assert ks_row[3].value == datetime.datetime(2025, 1, 10)  # a date cell, not text
    assert ks_row[3].number_format == "yyyy-mm-dd"


def test_csv_and_bad_format(updates, client):
    response = report(client, plan_in("nb"), format="csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Tiltak", "Strategi", "Status"]
    assert len(rows) == 1 + 8

    bad = client.get(f"/api/v1/plans/{plan_in('nb').pk}/report/", {"format": "pdf"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["parameter"] == "format"


def test_the_report_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/plans/{id}/report/"]["get"]
    assert "200" in operation["responses"]
    assert "PlanReport" in json.dumps(operation)


def test_the_command_writes_the_report(updates, tmp_path):
    out = StringIO()
    call_command("plan_report", str(plan_in("nb").pk), "--locale", "en", stdout=out)
    assert json.loads(out.getvalue())["totals"]["measures"] == 8

    path = tmp_path / "rapport.xlsx"
    call_command(
        "plan_report", str(plan_in("nb").pk), "--format", "xlsx", "-o", str(path), stdout=out
    )
    assert load_workbook(path).sheetnames[0] == "Sammendrag"


def test_the_admin_report_lists_the_branchs_measures_with_drafts(updates, client):
    measure = MeasurePage.objects.get(slug="digital-formiddagskaffe", locale__language_code="nb")
    measure.unpublish()
    client.force_login(get_user_model().objects.get(username="redaktor"))
    branch = plan_in("nb").get_parent()
    url = reverse("plan_status_report", args=[branch.pk])

    assert client.get(reverse("plan_status_report_index")).url == url
    page = client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert content.count("Nei (utkast)") == 1
    for measure in MeasurePage.objects.filter(locale__language_code="nb"):
        assert measure.title in content
    ongoing = client.get(url, {"status": "ongoing"}).content.decode()
    assert "Samhandling med KS Nord" in ongoing and "Digital formiddagskaffe" not in ongoing
    samarbeide = StrategyPage.objects.get(slug="samarbeide", locale__language_code="nb")
    one = client.get(url, {"strategy": samarbeide.pk}).content.decode()
    assert "Medvirkning i konferanser og tiltak" in one and "Samhandling med KS Nord" not in one

    export = client.get(url, {"export": "xlsx", "status": "completed"})
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tiltak", "Plan", "Strategi")
    assert [row[0] for row in rows[1:]] == ["Lederkonferanse våren 2025"]


def test_another_branchs_editor_cannot_open_nordlands_report(demo, client):
    troms = create_branch("troms", "Norsk kulturskoleråd Troms").branch
    editors, _approvers = branch_groups(troms)
    user = get_user_model().objects.create_user("troms-redaktor", password="x")
    user.groups.add(editors)
    client.force_login(user)
    nordland = plan_in("nb").get_parent()

    assert client.get(reverse("plan_status_report", args=[nordland.pk])).status_code == 403
    assert client.get(reverse("plan_status_report", args=[troms.pk])).status_code == 200
    approver = get_user_model().objects.get(username="godkjenner")
    client.force_login(approver)
    assert client.get(reverse("plan_status_report", args=[nordland.pk])).status_code == 200
