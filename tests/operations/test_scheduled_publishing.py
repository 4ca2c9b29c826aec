"""Scheduled publishing: one run of `publish_scheduled` (the timer's job) publishes and expires."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.factories import MeasurePageFactory, make_plan

pytestmark = pytest.mark.django_db


def measure_ids(plan):
    response = Client().get("/api/v1/measures/", {"plan": plan.pk, "limit": 100})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["results"]}


def test_one_run_publishes_what_is_due_and_removes_what_expired():
    tree = make_plan(strategies=1, measures_per_strategy=1)
    strategy = tree.strategies[0]
    scheduled = MeasurePageFactory(parent=strategy, live=False, title="Planlagt tiltak")
    expiring = tree.measures[0]
    past = timezone.now() - timedelta(minutes=1)
    scheduled.save_revision(approved_go_live_at=past)
    before = measure_ids(tree.plan)
    assert scheduled.pk not in before
    assert expiring.pk in before
    # The editor set an expiry date that has now passed.
    type(expiring).objects.filter(pk=expiring.pk).update(expire_at=past)

    call_command("publish_scheduled", stdout=StringIO())

    after = measure_ids(tree.plan)
    assert scheduled.pk in after
    assert expiring.pk not in after
