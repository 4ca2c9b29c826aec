"""Who may do what: page permissions per branch, and snippets that belong to a branch.

Branch editors and approvers get their page permissions on their branch's subtree (see
``home.services.branch``). Snippets that carry a ``branch`` (contact persons) follow the same
line: a user sees and may change such a snippet when they may change its branch's page; one
without a branch (national staff) is seen by everyone and changed only by those who may change
the home page (the "Nasjonalt" group).
Shared snippets (organisations, target groups) may be added by every editor and changed by
one when every page that uses the snippet is one they may change (``pages_using``).
"""

from django.db.models import Q
from modelcluster.fields import ParentalKey
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


def home_branch(user):
    """The branch an editor works in: the default-language branch page they may change.

    ``None`` for superusers, national staff and anyone who may change several branches (or
    none): they start at the top of the tree.
    """
    from wagtail.models import Locale

    if user.is_superuser or is_national(user):
        return None
    branches = list(editable_branches(user).filter(locale=Locale.get_default())[:2])
    return branches[0] if len(branches) == 1 else None


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

    Everyone with the model's view permission sees (and may choose) the national instances
    (no branch) and those of the branches whose content they may change, never another
    branch's; adding, changing and deleting an instance needs the model permission and the
    right to change its branch's content.
    """

    branch_field = "branch"
    read_actions = frozenset({"view"})

    def _allowed_for_branch(self, user, action, branch):
        if action in self.read_actions and branch is None:
            return True
        return may_change_branch_content(user, branch)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self._allowed_for_branch(user, action, getattr(instance, self.branch_field))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        permitted = [action for action in actions if self.user_has_permission(user, action)]
        if not permitted:
            return manager.none()
        if user.is_superuser or is_national(user):
            return manager.all()
        condition = Q(**{f"{self.branch_field}__in": editable_branches(user)})
        if self.read_actions.intersection(permitted):
            condition |= Q(**{f"{self.branch_field}__isnull": True})
        return manager.filter(condition)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        branch = getattr(instance, self.branch_field)
        return users.filter(
            pk__in=[
                user.pk
                for user in users
                if any(self._allowed_for_branch(user, action, branch) for action in actions)
            ]
        )


def _page_key(model):
    """The name of ``model``'s ParentalKey to a page (an inline row of a page), or ``None``."""
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, ParentalKey) and issubclass(model_field.related_model, Page):
            return model_field.attname
    return None


def pages_using(instance):
    """The ids of the pages that use ``instance`` (on the page or in an inline row of it).

    ``None`` when something other than a page uses it: then it is not any branch's alone.
    Only saved rows count (what a page's unsaved draft revision chooses is not known here).
    """
    page_ids = set()
    for relation in instance._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.one_to_many):
            continue
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: instance})
        page_key = "pk" if issubclass(model, Page) else _page_key(model)
        if page_key is not None:
            page_ids.update(rows.values_list(page_key, flat=True))
        elif rows.exists():
            return None
    return page_ids


def created_by(instance, user):
    """Whether the admin's history says ``user`` created ``instance``."""
    from wagtail.log_actions import registry

    logs = registry.get_logs_for_instance(instance)
    return logs.filter(action="wagtail.create", user=user).exists()


class SharedSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions; changing an instance is narrowed to the pages that use it.

    National staff (and superusers) change every instance. Anyone else with the model's
    permission may change an instance when pages use it and they may change every one of
    them (an organisation only their branch works with), or when no page uses it yet and
    they created it (e.g. from the chooser, before saving the page).
    """

    instance_actions = frozenset({"change", "delete"})

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action not in self.instance_actions or user.is_superuser or is_national(user):
            return True
        page_ids = pages_using(instance)
        if page_ids is None:
            return False
        if not page_ids:
            return created_by(instance, user)
        editable = page_permission_policy.instances_user_has_permission_for(user, "change")
        return (
            not Page.objects.filter(pk__in=page_ids).exclude(pk__in=editable.values("pk")).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or is_national(user) or not self.instance_actions.issuperset(actions):
            return instances
        allowed = [
            obj.pk
            for obj in instances
            if self.user_has_any_permission_for_instance(user, actions, obj)
        ]
        return instances.filter(pk__in=allowed)


def visible_pages(user, pages):
    """``pages`` without the unpublished pages of branches ``user`` may not change.

    Choosers and reports use it, so that a branch editor never sees another branch's draft
    titles.
    """
    if user.is_superuser or is_national(user):
        return pages
    visible = Q(live=True)
    for path in editable_branches(user).values_list("path", flat=True):
        visible |= Q(path__startswith=path)
    return pages.filter(visible)
