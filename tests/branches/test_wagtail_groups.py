"""Wagtail's built-in "Editors" and "Moderators" groups edit no branch after ``migrate``.

Wagtail's migrations give both groups page permissions on the root of the tree and media
permissions on the root collection; the post-migrate update takes those away, so a user put
only in "Editors" cannot open a branch's page or image, while the branch's own editors can.
"""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from access.branch_groups import COLLECTION_PERMISSIONS, NATIONAL_GROUP_NAME, ensure_national_group
from plan.models import MeasurePage
from tests.branches.builders import build_branch, make_user


def grant_as_wagtail_does(group, page_codenames):
    """The permissions Wagtail's own migrations give its built-in groups."""
    page_type = Permission.objects.filter(content_type__app_label="wagtailcore")
    for codename in page_codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=page_type.get(codename=codename),
        )
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.create(
            group=group, collection=Collection.get_first_root_node(), permission=permission
        )
        group.permissions.add(permission)


def migrate():
    call_command("migrate", interactive=False, verbosity=0, stdout=StringIO())


class WagtailGroupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.troms = build_branch("troms", "Norsk kulturskoleråd Troms")
        ensure_national_group()
        cls.editors, _created = Group.objects.get_or_create(name="Editors")
        cls.moderators, _created = Group.objects.get_or_create(name="Moderators")
        grant_as_wagtail_does(cls.editors, ("add_page", "change_page"))
        grant_as_wagtail_does(cls.moderators, ("add_page", "change_page", "publish_page"))
        cls.outsider = make_user("bare-wagtail-editor", cls.editors)
        cls.branch_editor = make_user("troms-redaktor", cls.troms.setup.editors)

    def edit_measure(self, user):
        self.client.force_login(user)
        measure = self.troms.page(MeasurePage)
        return self.client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk]))

    def edit_image(self, user):
        self.client.force_login(user)
        return self.client.get(reverse("wagtailimages:edit", args=[self.troms.image.pk]))

    def test_a_user_only_in_editors_edits_no_branch_after_migrate(self):
        # What Wagtail's migrations leave: the built-in group edits every branch.
        self.assertEqual(self.edit_measure(self.outsider).status_code, 200)
        self.assertEqual(self.edit_image(self.outsider).status_code, 200)

        migrate()

        response = self.edit_measure(self.outsider)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotEqual(self.edit_image(self.outsider).status_code, 200)
        # The branch's own editors still work in it.
        self.assertEqual(self.edit_measure(self.branch_editor).status_code, 200)
        self.assertEqual(self.edit_image(self.branch_editor).status_code, 200)

    def test_the_groups_stay_without_permissions_above_the_branches(self):
        migrate()
        for group in (self.editors, self.moderators):
            self.assertTrue(Group.objects.filter(pk=group.pk).exists())
            self.assertFalse(GroupPagePermission.objects.filter(group=group).exists())
            self.assertFalse(GroupCollectionPermission.objects.filter(group=group).exists())
            self.assertFalse(
                group.permissions.filter(
                    content_type__app_label__in=["wagtailimages", "wagtaildocs"]
                ).exists()
            )
        # The national group keeps its permissions on the home pages and the root collection.
        national = Group.objects.get(name=NATIONAL_GROUP_NAME)
        self.assertTrue(GroupPagePermission.objects.filter(group=national).exists())
        self.assertTrue(GroupCollectionPermission.objects.filter(group=national).exists())

    def test_a_branch_permission_given_to_editors_is_left_alone(self):
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        )
        GroupPagePermission.objects.create(
            group=self.editors, page=self.troms.branch, permission=permission
        )
        migrate()
        self.assertEqual(
            list(GroupPagePermission.objects.filter(group=self.editors).values_list("page_id")),
            [(self.troms.branch.pk,)],
        )
