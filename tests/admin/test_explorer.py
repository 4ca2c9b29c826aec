"""The explorer lists a plan in plan order, and a branch editor lands on their own branch."""

import json
import re

from django.test import TestCase
from django.urls import reverse

from home.services.branch import create_branch
from tests.branches.builders import make_user
from tests.factories import make_plan


def explorer_page_ids(response):
    """The ids of the pages an explorer listing shows, top to bottom."""
    return [int(pk) for pk in re.findall(r'<tr id="page_(\d+)"', response.content.decode())]


def sidebar_explorer_item(response):
    """The "Pages" item of the sidebar's props: (url, start page id)."""
    html = response.content.decode()
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "no sidebar props"
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                found.append(node["_args"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(match.group(1)))
    assert len(found) == 1, found
    item, start_page_id = found[0]
    assert item["name"] == "explorer"
    return item["url"], start_page_id


class ExplorerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")
        cls.tree = make_plan(branch=cls.troms.branch, strategies=3, measures_per_strategy=0)
        cls.editor = make_user("troms-redaktor", cls.troms.editors)
        cls.superuser = make_user("admin")
        cls.superuser.is_superuser = True
        cls.superuser.save()

    def test_strategies_are_listed_in_plan_order_not_by_last_change(self):
        first, second, third = self.tree.strategies
        # The first strategy changed last: "by last change" would list it first.
        first.save_revision().publish()
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_explore", args=[self.tree.plan.pk]))

        assert response.status_code == 200
        assert explorer_page_ids(response) == [first.pk, second.pk, third.pk]

    def test_a_branch_editor_lands_on_their_own_branch(self):
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_home"))

        branch = self.troms.branch
        assert sidebar_explorer_item(response) == (
            reverse("wagtailadmin_explore", args=[branch.pk]),
            branch.pk,
        )

    def test_a_superuser_starts_at_the_top(self):
        self.client.force_login(self.superuser)

        response = self.client.get(reverse("wagtailadmin_home"))

        url, start_page_id = sidebar_explorer_item(response)
        assert url == reverse("wagtailadmin_explore_root")
        assert start_page_id == 1
