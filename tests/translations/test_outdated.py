"""Out-of-date translations are visible: a notice on the translated page and a report."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from plan.models import MeasurePage
from tests.translations import steps

pytestmark = pytest.mark.django_db

NOTICE = "Originalsiden er endret siden denne oversettelsen sist ble synkronisert"


def test_a_bokmal_change_shows_on_the_english_page_and_in_the_report(demo, client):
    measure = MeasurePage.objects.get(slug="digital-formiddagskaffe", locale__language_code="nb")
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    report_url = reverse("outdated_translations")
    steps.login(client, "redaktor")
    assert NOTICE not in client.get(edit_url).content.decode()
    assert english.title not in client.get(report_url).content.decode()

    measure.title = "Digital formiddagskaffe hver måned"
    measure.save_revision().publish()

    assert NOTICE in client.get(edit_url).content.decode()
    report = client.get(report_url)
    assert report.status_code == 200
    assert english.title in report.content.decode()
