"""Branches set up before editors could add organisations and target groups get the
permissions on the next ``migrate``, without running ``create_branch`` again."""

import json
from io import StringIO

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from access.branch_groups import BRANCH_ADDABLE_SNIPPETS
from core.models import Organisation, TargetGroup
from home.services.branch import create_branch
from tests.branches.builders import make_user

#: model → (URL name part, data of the chooser's creation form)
CREATED = {
    Organisation: ("organisation", {"name": "Tromsø kulturforening", "kind": "association"}),
    TargetGroup: ("targetgroup", {"name": "Kulturskolelærere i Nord-Troms", "description": ""}),
}


def addable_permissions():
    """The add and change permissions of the snippets a branch may add from the chooser."""
    return Permission.objects.filter(
        content_type__app_label__in=[app for app, _model in BRANCH_ADDABLE_SNIPPETS],
        content_type__model__in=[model for _app, model in BRANCH_ADDABLE_SNIPPETS],
        codename__regex=r"^(add|change)_",
    )


class BranchGroupUpgradeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        # The groups as the code before the chooser's "create" tab set them up.
        for group in (cls.troms.editors, cls.troms.approvers):
            group.permissions.remove(*addable_permissions())
        cls.editor = make_user("troms-redaktor", cls.troms.editors)

    def setUp(self):
        self.client.force_login(self.editor)

    def create_from_chooser(self, model):
        name, data = CREATED[model]
        url = reverse(f"wagtailsnippetchoosers_core_{name}:create")
        return self.client.post(f"{url}?locale=nb", data)

    def test_migrate_gives_old_branch_groups_the_chooser_create_permissions(self):
        for model in CREATED:
            with self.subTest(before=model.__name__):
                response = self.create_from_chooser(model)
                self.assertIn(response.status_code, (302, 403))
                self.assertFalse(model.objects.filter(name=CREATED[model][1]["name"]).exists())

        call_command("migrate", interactive=False, verbosity=0, stdout=StringIO())

        for group in (self.troms.editors, self.troms.approvers):
            self.assertEqual(
                set(group.permissions.filter(pk__in=addable_permissions())),
                set(addable_permissions()),
            )
        for model in CREATED:
            with self.subTest(after=model.__name__):
                response = self.create_from_chooser(model)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(json.loads(response.content)["step"], "chosen")
                self.assertTrue(model.objects.filter(name=CREATED[model][1]["name"]).exists())

    def test_migrate_grants_nothing_more_and_twice_changes_nothing(self):
        call_command("migrate", interactive=False, verbosity=0, stdout=StringIO())
        editors = set(self.troms.editors.permissions.values_list("pk", flat=True))
        call_command("migrate", interactive=False, verbosity=0, stdout=StringIO())
        self.assertEqual(set(self.troms.editors.permissions.values_list("pk", flat=True)), editors)
        fresh = create_branch("finnmark", "Norsk kulturskoleråd Finnmark")
        self.assertEqual(editors, set(fresh.editors.permissions.values_list("pk", flat=True)))
