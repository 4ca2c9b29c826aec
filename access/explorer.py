"""The page explorer opens where an editor works: a branch editor lands on their own branch.

Wagtail starts the explorer at the closest common ancestor of the pages a user may edit; a
branch editor may edit their branch in every language, so that would be the root of all
locales ("Root"). The "Pages" menu item opens at their branch instead.
"""

from django.urls import reverse
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem

from access.permissions import home_branch


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
