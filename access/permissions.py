"""Who may do what: page permissions per branch, and snippets that belong to a branch.

Branch editors and approvers get their page permissions on their branch's subtree (see
``home.services.branch``). Snippets that carry a ``branch`` (contact persons) follow the same
line: a user may change such a snippet when they may change its branch's page; one without a
branch (national staff) only when they may change the home page (the "Nasjonalt" group).
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy


def page_action_allowed(user, action, page):
    """Whether ``user`` may ``action`` the page: "add" (below it), "change", "publish", "delete"."""
    if action == "add":
        return page_permission_policy.user_has_permission_for_instance(user, "add", page)
    tester = page.permissions_for_user(user)
    checks = {"change": tester.can_edit, "publish": tester.can_publish, "delete": tester.can_delete}
    if action not in checks:
        raise ValueError(f"Unknown page action {action!r}.")
    return checks[action]()


def snippet_permission_policy(model):
    """The permission policy of a snippet model (its viewset's, else plain model permissions)."""
    viewset = getattr(model, "snippet_viewset", None)
    return viewset.permission_policy if viewset is not None else ModelPermissionPolicy(model)


def user_can(user, action, obj):
    """Whether ``user`` may ``action`` ("add", "change", "publish", "delete") ``obj``.

    ``obj`` is a page or a snippet. The project's snippets have no drafts: saving one
    publishes it, so "publish" on a snippet means "change".
    """
    if isinstance(obj, Page):
        return page_action_allowed(user, action, obj)
    if action == "publish":
        action = "change"
    return snippet_permission_policy(type(obj)).user_has_permission_for_instance(user, action, obj)


def editable_branches(user):
    """The branch pages (in every locale) whose content ``user`` may change."""
    from home.models import BranchPage

    pages = page_permission_policy.instances_user_has_permission_for(user, "change")
    return BranchPage.objects.filter(pk__in=pages.values("pk"))


def is_national(user):
    """Whether ``user`` may change the home page, i.e. works for every branch.

    The answer is kept on the user object for the rest of the request.
    """
    from home.models import HomePage

    cached = getattr(user, "_is_national_cache", None)
    if cached is None:
        cached = any(
            page_permission_policy.user_has_permission_for_instance(user, "change", home)
            for home in HomePage.objects.all()
        )
        user._is_national_cache = cached
    return cached


def may_change_branch_content(user, branch):
    """Whether ``user`` may change content that belongs to ``branch`` (``None``: national)."""
    if user.is_superuser:
        return user.is_active
    if branch is None:
        return is_national(user)
    return page_permission_policy.user_has_permission_for_instance(user, "change", branch)


class BranchSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the snippets of the branches the user may change.

    Everyone with the model's view permission may see every instance (and choose it);
    adding, changing and deleting an instance needs the model permission and the right to
    change its branch's content.
    """

    branch_field = "branch"
    read_actions = frozenset({"view"})

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in self.read_actions:
            return True
        return may_change_branch_content(user, getattr(instance, self.branch_field))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        permitted = [action for action in actions if self.user_has_permission(user, action)]
        if not permitted:
            return manager.none()
        if user.is_superuser or self.read_actions.intersection(permitted):
            return manager.all()
        condition = Q(**{f"{self.branch_field}__in": editable_branches(user)})
        if is_national(user):
            condition |= Q(**{f"{self.branch_field}__isnull": True})
        return manager.filter(condition)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        if self.read_actions.intersection(actions):
            return users
        branch = getattr(instance, self.branch_field)
        return users.filter(
            pk__in=[user.pk for user in users if may_change_branch_content(user, branch)]
        )
