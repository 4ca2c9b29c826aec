"""wagtail-localize's translations report and the page chooser's search show a branch editor
no other branch's unpublished page titles."""

import pytest
from django.urls import reverse

from home.services.branch import create_branch
from tests.factories import ActionPlanPageFactory
from tests.translations import steps

pytestmark = pytest.mark.django_db

SECRET = "Hemmelig utkast Troms"


@pytest.fixture
def troms_draft(demo, client):
    troms = create_branch("troms", "Norsk kulturskoleråd Troms")
    draft = ActionPlanPageFactory(
        parent=troms.branch, live=False, title=SECRET, slug="hemmelig-utkast"
    )
    steps.login(client, "admin")
    steps.translate_page(client, draft, "en")
    return draft


def test_the_translations_report_hides_another_branchs_drafts(troms_draft, client):
    url = reverse("wagtail_localize:translations_report")
    assert SECRET in client.get(url).content.decode()  # the admin sees it

    steps.login(client, "redaktor")
    response = client.get(url)

    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    results = client.get(reverse("wagtail_localize:translations_report_results"))
    assert SECRET not in results.content.decode()


def test_the_page_chooser_search_hides_another_branchs_drafts(troms_draft, client):
    url = reverse("wagtailadmin_choose_page_search")
    assert SECRET in client.get(url, {"q": "Hemmelig"}).content.decode()

    steps.login(client, "redaktor")
    response = client.get(url, {"q": "Hemmelig"})

    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert "Handlingsplan" in client.get(url, {"q": "Handlingsplan"}).content.decode()
