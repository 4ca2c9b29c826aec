"""The page explorer opens where an editor works and shows no other branch.

Wagtail starts the explorer at the closest common ancestor of the pages a user may edit; a
branch editor may edit their branch in every language, so that would be the root of all
locales ("Root"). The "Pages" menu item opens at their branch instead.

Below that root Wagtail opens the explorer of any page (listing none of another branch's
pages in it, but showing its title and actions). ``BranchPageViewSet`` replaces Wagtail's
default page viewset so that exploring a page the user may not explore (another branch, or a
page in it) leads to their own branch instead.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from access.permissions import home_branch


def may_explore(user, page_id):
    """Whether ``user`` may open the explorer of the page ``page_id``: an ancestor of a page
    they have permissions on, or one of those pages and their descendants (Wagtail's rule)."""
    if user.is_superuser:
        return True
    return page_permission_policy.explorable_instances(user).filter(pk=page_id).exists()


def explorer_start_url(user):
    """Where ``user``'s explorer starts: their own branch, else Wagtail's explorable root."""
    branch = home_branch(user)
    if branch is None:
        return reverse("wagtailadmin_explore_root")
    return reverse("wagtailadmin_explore", args=[branch.pk])


class BranchExplorableIndexView(ExplorableIndexView):
    """Wagtail's explorer (and its results), leading away from pages the user may not explore."""

    def get(self, request, parent_page_id=None):
        if parent_page_id and not may_explore(request.user, parent_page_id):
            return redirect(explorer_start_url(request.user))
        return super().get(request, parent_page_id)


class BranchPageViewSet(PageViewSet):
    """Wagtail's default page viewset (for every page type) with the branch-aware explorer."""

    model = Page
    index_view_class = BranchExplorableIndexView


class BranchExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" menu item, opening at the editor's own branch when they have one."""

    def render_component(self, request):
        branch = home_branch(request.user)
        if branch is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[branch.pk]),
            branch.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def replace_explorer_menu_item(menu_items):
    """Swap Wagtail's explorer item in ``menu_items`` (in place) for the branch-aware one."""
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and not isinstance(item, BranchExplorerMenuItem):
            menu_items[index] = BranchExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )
