"""The demo's branch is set up by create_branch; its editor submits, its approver publishes."""

import pytest
from django.contrib.auth import get_user_model

from demo.fixtures import nordland_2024_2025 as data
from demo.loader import DEMO_BRANCH_USER_PASSWORD, ensure_branch, ensure_demo_branch_users
from home.services.branch import branch_workflow, create_branch
from tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_the_demo_branch_has_a_workflow_an_editor_and_an_approver(client):
    branch = ensure_branch(**data.BRANCH)
    other = create_branch("troms", "Norsk kulturskoleråd Troms").branch

    assert ensure_demo_branch_users(branch) == ["redaktor", "godkjenner"]
    assert ensure_demo_branch_users(branch) == []

    assert branch_workflow(branch) is not None
    plan = make_plan(branch=branch, strategies=0).plan
    users = get_user_model().objects
    editor, approver = users.get(username="redaktor"), users.get(username="godkjenner")
    assert plan.permissions_for_user(editor).can_edit()
    assert not plan.permissions_for_user(editor).can_publish()
    assert plan.permissions_for_user(approver).can_publish()
    assert not other.permissions_for_user(editor).can_edit()
    assert not other.permissions_for_user(approver).can_edit()
    assert client.login(username="redaktor", password=DEMO_BRANCH_USER_PASSWORD)
    assert client.get("/admin/").status_code == 200
