"""The "Registers" admin menu: the shared snippets of every app, in one place.

Each app registers its own snippet viewsets (in its ``wagtail_hooks.py``); a viewset based on
:class:`RegisterViewSet` shows up in this menu instead of the generic "Snippets" list.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

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


def _translated_when_shown(message, name):
    return lazy(lambda: gettext(message) % {"object": name}, str)()


class LocalisedSnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser widget with its texts translated when they are shown.

    Wagtail's snippet chooser viewset makes one widget per model at start-up, and the widget
    translates its texts ("Choose organisation") in whatever language is active then.
    """

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        name = model._meta.verbose_name
        self.choose_one_text = _translated_when_shown("Choose %(object)s", name)
        self.choose_another_text = _translated_when_shown("Choose another %(object)s", name)
        self.link_to_chosen_text = _translated_when_shown("Edit this %(object)s", name)


class LocalisedSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser with ``LocalisedSnippetChooser`` as its widget."""

    @cached_property
    def widget_class(self):
        return LocalisedSnippetChooser(model=self.model, icon=self.icon)


class RegisterViewSet(SnippetViewSet):
    """A snippet viewset listed in the "Registers" menu (``menu_order`` orders the items),
    whose chooser widget speaks the editor's language."""

    menu_hook = REGISTERS_MENU_HOOK
    chooser_viewset_class = LocalisedSnippetChooserViewSet
