"""The demo's county branch with its resource and event indexes."""

from home.models import BranchPage
from home.services.site import content_locales, ensure_home_page
from plan.fixtures import nordland_2024_2025 as data
from plan.services.translation import translate_page
from resources.models import EventIndexPage, ResourceIndexPage

from .base import publish_child

INDEXES = [(ResourceIndexPage, data.RESOURCE_INDEX), (EventIndexPage, data.EVENT_INDEX)]


def ensure_branch(slug, name, short_name):
    """Return the branch page ``slug`` with its resource and event indexes in every language.

    Creates what is missing under the home page (itself created when missing); translations
    are marked unofficial. A stand-in until a ``create_branch`` service sets branches up.
    """
    home = ensure_home_page()
    default_locale, *other_locales = content_locales()
    branch = BranchPage.objects.child_of(home).filter(slug=slug).first()
    if branch is None:
        branch = publish_child(home, BranchPage(title=name, slug=slug, short_name=short_name))
    for model, spec in INDEXES:
        if not model.objects.child_of(branch).exists():
            title = spec["title"][default_locale.language_code]
            publish_child(branch, model(title=title, slug=spec["slug"]))
    for locale in other_locales:
        if not branch.has_translation(locale):
            translate_page(branch, locale, unofficial_translation=True)
        for model, spec in INDEXES:
            index = model.objects.child_of(branch).get()
            if not index.has_translation(locale):
                title = spec["title"].get(locale.language_code, index.title)
                translate_page(index, locale, title=title, unofficial_translation=True)
    return branch
