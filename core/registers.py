"""The "Registers" admin menu: the shared snippets of every app, in one place.

Each app registers its own snippet viewsets (in its ``wagtail_hooks.py``); a viewset based on
:class:`RegisterViewSet` shows up in this menu instead of the generic "Snippets" list.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.snippets.views.snippets import SnippetViewSet

#: The hook a viewset's menu item is registered with to appear in the "Registers" menu.
REGISTERS_MENU_HOOK = "register_registers_menu_item"

registers_menu = Menu(register_hook_name=REGISTERS_MENU_HOOK)


def registers_menu_item():
    """The "Registers" item of the main menu, with the registered snippets as its submenu."""
    return SubmenuMenuItem(
        _("Registers"),
        registers_menu,
        name="registers",
        icon_name="folder-open-inverse",
        order=300,
    )


class RegisterViewSet(SnippetViewSet):
    """A snippet viewset listed in the "Registers" menu (``menu_order`` orders the items)."""

    menu_hook = REGISTERS_MENU_HOOK
