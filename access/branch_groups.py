"""Who may work in a branch: its groups, their permissions, its collection and workflow.

Each branch has an editor group (add and edit pages, save drafts, submit for moderation) and
an approver group (also publish), with page permissions on the branch's subtree in every
locale tree and image and document permissions on the branch's own collection only. Its
moderation workflow has one approval task, by its approvers. The "Nasjonalt" group works in
every branch and manages the shared snippets.

Group, collection and workflow names are data in Norwegian (the organisation's working
language), derived from the branch's name, and not translated with the interface.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage
from home.services.site import ensure_home_page

NATIONAL_GROUP_NAME = "Nasjonalt"
WORKFLOW_NAME = "Godkjenning i fylkesstyret"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
APPROVER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
NATIONAL_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
ADMIN_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
)
# Branch-specific snippets: a branch's groups may manage those of their own branch.
BRANCH_SNIPPETS = (("home", "contactperson"),)
# Shared snippets: read and chosen by every editor, managed by the national group.
SHARED_SNIPPETS = (
    ("core", "organisation"),
    ("core", "targetgroup"),
    ("core", "sustainabledevelopmentgoal"),
    ("resources", "topic"),
)
# Shared snippets a branch's groups may add (also from the chooser) and change when only their
# branch uses them (see access.permissions.SharedSnippetPermissionPolicy).
BRANCH_ADDABLE_SNIPPETS = (("core", "organisation"), ("core", "targetgroup"))
SNIPPET_ACTIONS = ("add", "change", "delete", "view")


def editors_group_name(name):
    """The name of a branch's editor group, e.g. "Norsk kulturskoleråd Troms redaktører"."""
    return f"{name} redaktører"


def approvers_group_name(name):
    """The name of a branch's approver group, e.g. "Norsk kulturskoleråd Troms godkjennere"."""
    return f"{name} godkjennere"


def workflow_name(name):
    """The name of a branch's moderation workflow and of its approval task."""
    return f"{WORKFLOW_NAME} ({name})"


def branch_groups(branch):
    """The (editors, approvers) groups of ``branch`` (either may be ``None``)."""
    return (
        Group.objects.filter(name=editors_group_name(branch.title)).first(),
        Group.objects.filter(name=approvers_group_name(branch.title)).first(),
    )


def _page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_page_permissions(group, pages, codenames):
    for codename in codenames:
        permission = _page_permission(codename)
        for page in pages:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection_permissions(group, collection):
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _grant_model_permissions(group, snippet_models, actions=SNIPPET_ACTIONS):
    permissions = [_permission(app_label, codename) for app_label, codename in ADMIN_PERMISSIONS]
    permissions += [
        _permission(app_label, f"{action}_{model_name}")
        for app_label, model_name in snippet_models
        for action in actions
    ]
    group.permissions.add(*permissions)


@transaction.atomic
def ensure_national_group():
    """Return the "Nasjonalt" group: it works in every branch and manages the shared snippets.

    It has page permissions on the HomePage in every locale tree, image and document
    permissions on the root collection, and manages every snippet. Idempotent.
    """
    ensure_home_page()
    group, _created = Group.objects.get_or_create(name=NATIONAL_GROUP_NAME)
    _grant_page_permissions(group, list(HomePage.objects.all()), NATIONAL_PAGE_PERMISSIONS)
    _grant_collection_permissions(group, Collection.get_first_root_node())
    _grant_model_permissions(group, BRANCH_SNIPPETS + SHARED_SNIPPETS)
    return group


def ensure_collection(name):
    """The collection ``name`` under the root collection, created when missing."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def _grant_snippet_permissions(group):
    _grant_model_permissions(group, BRANCH_SNIPPETS)
    _grant_model_permissions(group, SHARED_SNIPPETS, actions=("view",))
    _grant_model_permissions(group, BRANCH_ADDABLE_SNIPPETS, actions=("add", "change", "view"))


def ensure_branch_group(name, pages, page_codenames, collection):
    """The group ``name`` with permissions on ``pages`` (subtrees) and ``collection`` only."""
    group, _created = Group.objects.get_or_create(name=name)
    _grant_page_permissions(group, pages, page_codenames)
    _grant_collection_permissions(group, collection)
    _grant_snippet_permissions(group)
    return group


def update_branch_groups(**kwargs):
    """Give the groups of every existing branch today's snippet permissions (after migrate).

    Branches set up before a permission was added to their groups (e.g. adding organisations
    and target groups from the chooser) get it without running ``create_branch`` again. Only
    adds permissions; idempotent. Does nothing while a permission does not exist yet.
    """
    from home.models import BranchPage

    try:
        with transaction.atomic():
            groups = {
                group
                for branch in BranchPage.objects.all()
                for group in branch_groups(branch)
                if group is not None
            }
            for group in groups:
                _grant_snippet_permissions(group)
    except Permission.DoesNotExist:
        return


def branch_workflow(branch):
    """The workflow assigned to ``branch`` (any locale), or ``None``."""
    pages = branch.get_translations(inclusive=True)
    link = WorkflowPage.objects.filter(page__in=pages).select_related("workflow").first()
    return link.workflow if link else None


def ensure_workflow(pages, name, approvers):
    """The branch's workflow: one approval task by its approvers, on the branch in every locale."""
    workflow = branch_workflow(pages[0])
    if workflow is None:
        workflow = Workflow.objects.create(name=workflow_name(name))
    task = workflow.tasks.specific().first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=workflow_name(name))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if isinstance(task, GroupApprovalTask):
        task.groups.add(approvers)
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow
