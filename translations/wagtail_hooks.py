"""Out-of-date translations (a notice on the translated page and a report of the branch's), and
Bokmål for the texts wagtail-localize's translation editor writes without gettext."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .outdated import is_outdated, translation_of_page
from .views import outdated_translations_report


@hooks.register("before_edit_page", order=-10)
def warn_about_outdated_translation(request, page):
    """Tell the editor of a translation that its source page changed since the last sync."""
    if request.method != "GET":
        return None
    translation = translation_of_page(page)
    if translation is not None and is_outdated(translation):
        messages.warning(
            request,
            _(
                "The original page has been changed since this translation was last synced. "
                "Use “Sync translated pages” on the original page to see what is new."
            ),
        )
    return None


@hooks.register("register_admin_urls")
def register_outdated_translations_url():
    return [
        path(
            "reports/outdated-translations/",
            outdated_translations_report,
            name="outdated_translations",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        gettext_lazy("Out-of-date translations"),
        reverse("outdated_translations"),
        icon_name="warning",
        order=900,
    )


@hooks.register("construct_reports_menu")
def translations_report_item_in_the_editors_language(request, menu_items):
    """wagtail-localize labels its "Translations" report item with ``gettext`` once, in the
    language of whichever request first builds the reports menu; label it for each request."""
    url = reverse("wagtail_localize:translations_report")
    for index, item in enumerate(menu_items):
        if item.url == url:
            menu_items[index] = MenuItem(
                gettext_lazy("Translations"),
                url,
                name=item.name,
                icon_name=item.icon_name,
                order=item.order,
            )


@hooks.register("insert_editor_js")
def translation_editor_labels():
    """The two texts wagtail-localize's translation editor writes without gettext, in the
    admin's language (see ``editor-labels.js``)."""
    return format_html(
        '<script src="{}" data-heading="{}" data-more-actions="{}"></script>',
        static("translations/js/editor-labels.js"),
        # Translators: {source} and {target} are language names, e.g. "norsk bokmål".
        _("Translation from {source} to {target}"),
        _("More actions"),
    )
