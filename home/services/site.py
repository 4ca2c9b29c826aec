"""Set up the top of the page tree: the HomePage in every content language and the Site."""

from django.db import transaction
from wagtail.models import Page, Site

from core.languages import content_locales
from home.models import HomePage
from translations.adopt import adopt_translation


@transaction.atomic
def ensure_home_page(title="Norsk kulturskoleråd", organisation_name="Norsk kulturskoleråd"):
    """Return the default-language HomePage, creating it, its translations and the Site.

    Idempotent: an existing HomePage is kept as it is. Wagtail's placeholder welcome page is
    removed when the HomePage takes its place.
    """
    default_locale, *other_locales = content_locales()
    root = Page.get_first_root_node() or _tree_root(default_locale)
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        placeholder = Page.objects.filter(depth=2, content_type__model="page", slug="home").first()
        if placeholder is not None:
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        home = HomePage(
            title=title, slug="home", organisation_name=organisation_name, locale=default_locale
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    for locale in other_locales:
        if not home.has_translation(locale):
            translation = home.copy_for_translation(locale)
            translation.save_revision().publish()
            adopt_translation(home, translation)  # managed by wagtail-localize
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def _tree_root(locale):
    """Wagtail's root page, made again where it is missing (a database emptied by a flush)."""
    return Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
