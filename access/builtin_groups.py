"""Wagtail's built-in "Editors" and "Moderators" groups, kept to what cannot reach a branch.

Wagtail's first migrations create both groups with page permissions on the root of the page
tree and image and document permissions on the root collection, so anyone put in them would
edit every branch. Here editors belong in a branch group (``access.branch_groups``) or in
"Nasjonalt", so after every ``migrate`` the two groups lose their permissions on the pages
above the branches (the root and the home pages) and on the root collection, and the
model-wide image and document permissions of Wagtail's early versions. The groups themselves
stay (Wagtail's default "Moderators approval" task names "Moderators"); a permission given to
them on a branch's own pages or collection is left alone.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from core.tree import HOME_DEPTH

WAGTAIL_GROUP_NAMES = ("Editors", "Moderators")
MEDIA_APPS = ("wagtailimages", "wagtaildocs")
ROOT_COLLECTION_DEPTH = 1


def restrict_wagtail_groups(**kwargs):
    """Take from Wagtail's built-in groups what would let them edit every branch (after
    ``migrate``). Idempotent."""
    with transaction.atomic():
        groups = list(Group.objects.filter(name__in=WAGTAIL_GROUP_NAMES))
        if not groups:
            return
        GroupPagePermission.objects.filter(group__in=groups, page__depth__lte=HOME_DEPTH).delete()
        GroupCollectionPermission.objects.filter(
            group__in=groups, collection__depth=ROOT_COLLECTION_DEPTH
        ).delete()
        media = Permission.objects.filter(content_type__app_label__in=MEDIA_APPS)
        for group in groups:
            group.permissions.remove(*media)
