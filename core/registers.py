"""The "Registers" admin menu: the shared snippets of every app, in one place.

Each app registers its own snippet viewsets (in its ``wagtail_hooks.py``); a viewset based on
:class:`RegisterViewSet` shows up in this menu instead of the generic "Snippets" list.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
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


class LocaleLabelMixin:
    """Names the chooser's locale filter: Wagtail leaves it unlabelled, so Django shows the
    field name ("Locale") in every language."""

    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = _("Locale")
        return form


class LocalisedChooseView(LocaleLabelMixin, ChooseView):
    """The snippet chooser modal, with its locale filter labelled."""


class LocalisedChooseResultsView(LocaleLabelMixin, ChooseResultsView):
    """The snippet chooser's search results, with its locale filter labelled."""


class LocalisedSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser with ``LocalisedSnippetChooser`` as its widget, speaking the
    editor's language in its modal too.

    Wagtail's ``ChooserViewSet`` translates its texts with ``gettext`` when it is imported (in
    whatever language is active then, English), so the modal's title and its "Search" and
    "Create" tabs would stay English; they are translated when shown instead.
    """

    choose_one_text = _("Choose")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")
    search_tab_label = _("Search")
    create_action_label = _("Create")
    choose_view_class = LocalisedChooseView
    choose_results_view_class = LocalisedChooseResultsView

    @cached_property
    def widget_class(self):
        return LocalisedSnippetChooser(model=self.model, icon=self.icon)


class RegisterViewSet(SnippetViewSet):
    """A snippet viewset listed in the "Registers" menu (``menu_order`` orders the items),
    whose chooser widget speaks the editor's language."""

    menu_hook = REGISTERS_MENU_HOOK
    chooser_viewset_class = LocalisedSnippetChooserViewSet
