"""Admin hooks that keep each branch to its own content.

- wagtail-localize's views are replaced, on their own URLs, by versions that check page and
  snippet permissions (``access.translation_guards``); these URL patterns come first, so the
  originals are never reached.
- Bulk actions on branch snippets (contact persons) need the permission on every instance.
- The "Pages" menu opens at a branch editor's own branch, and the explorer opens no page of
  another branch (``access.explorer``).
"""

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern, URLResolver
from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks

from access.explorer import BranchPageViewSet, replace_explorer_menu_item
from access.permissions import (
    BranchSnippetPermissionPolicy,
    snippet_permission_policy,
    visible_pages,
)
from access.translation_guards import guarded_views


@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    """wagtail-localize's URLs (taken from wagtail-localize itself) routed to guarded views."""
    guarded = guarded_views()
    resolvers = []
    for resolver in localize_hooks.register_admin_urls():
        patterns = [
            URLPattern(pattern.pattern, guarded[pattern.name], pattern.default_args)
            for pattern in resolver.url_patterns
            if isinstance(pattern, URLPattern) and pattern.name in guarded
        ]
        resolvers.append(URLResolver(resolver.pattern, patterns))
    return resolvers


BULK_ACTION_PERMISSIONS = {"delete": "delete"}


@hooks.register("before_bulk_action")
def check_branch_snippet_bulk_action(request, action_type, objects, action_class_instance):
    """Refuse a bulk action on branch snippets unless the user may do it on every one."""
    model = getattr(action_class_instance, "model", None)
    if model is None:
        return
    policy = snippet_permission_policy(model)
    if not isinstance(policy, BranchSnippetPermissionPolicy):
        return
    action = BULK_ACTION_PERMISSIONS.get(action_type, "change")
    user = request.user
    if not all(policy.user_has_permission_for_instance(user, action, obj) for obj in objects):
        raise PermissionDenied


@hooks.register("construct_main_menu")
def explorer_starts_at_the_editors_branch(request, menu_items):
    replace_explorer_menu_item(menu_items)


@hooks.register("register_admin_viewset", order=1)
def register_branch_page_viewset():
    """Registered after Wagtail's own default page viewset, which it replaces for every type."""
    return BranchPageViewSet(name="branch_pages")


@hooks.register("construct_page_chooser_queryset")
def hide_other_branches_unpublished_pages(pages, request):
    """The page chooser (browse and search) shows no other branch's unpublished pages."""
    return visible_pages(request.user, pages)
