"""What happens after a content change commits: CDN purge, webhooks, cache warming.

:func:`page_changed` is called inside the change's transaction (from ``cms.api.generation``).
It describes the change while the data is still there (a deleted page is gone after the
commit) and, once the transaction commits, hands the description to a background task (see
``cms.api.tasks``), so the editor never waits for a CDN, a website or a render.
"""

from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.urls import NoReverseMatch, reverse

from core.languages import content_languages
from core.links import page_url

from .types import type_name_for_model

#: Types whose objects have an endpoint of their own, by API type name: the URL name and the
#: attribute that goes into the URL.
DETAIL_ROUTES = {
    "branch": ("api-v1:branch-detail", "slug"),
    "plan": ("api-v1:plan-detail", "pk"),
    "measure": ("api-v1:measure-detail", "pk"),
    "resource": ("api-v1:resource-detail", "pk"),
    "event": ("api-v1:event-detail", "pk"),
}
#: Lists and documents that show pages of any type.
ALWAYS_AFFECTED = ("api-v1:index", "api-v1:sitemap")
LIST_ROUTES = {
    "branch": "api-v1:branch-list",
    "plan": "api-v1:plan-list",
    "measure": "api-v1:measure-list",
    "resource": "api-v1:resource-list",
    "event": "api-v1:event-list",
}
#: Which API types a change of a page of the key's type can show up in (its own and its
#: ancestors'), for the lists to purge.
SHOWN_IN = {
    "home": set(LIST_ROUTES),
    "branch": set(LIST_ROUTES),
    "plan": {"branch", "plan", "measure"},
    "strategy": {"plan", "measure"},
    "measure": {"plan", "measure"},
    "resource_index": {"resource"},
    "resource": {"resource"},
    "event_index": {"event"},
    "event": {"event"},
}
#: Actions that the website hears about through webhooks.
NOTIFIED_ACTIONS = {"published", "unpublished", "deleted"}


@dataclass
class Change:
    """A committed change of one page, as the CDN, the website and the cache warmer see it."""

    action: str
    object: str
    id: int
    key: str
    locale: str
    type: str
    #: API paths (without query) whose responses may have changed.
    api_paths: list = field(default_factory=list)
    #: The page's public website URLs, one per language it exists in.
    page_urls: dict = field(default_factory=dict)

    def as_dict(self):
        return asdict(self)


def api_base_url():
    return (settings.API_PUBLIC_BASE_URL or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def api_urls(paths, languages=None):
    """Absolute URLs of ``paths`` as a CDN caches them: bare and with ``?locale=`` for every
    content language."""
    base = api_base_url()
    urls = []
    for path in paths:
        urls.append(f"{base}{path}")
        urls.extend(f"{base}{path}?locale={code}" for code in languages or content_languages())
    return urls


def _detail_path(type_name, page):
    route = DETAIL_ROUTES.get(type_name)
    if route is None:
        return None
    name, attribute = route
    try:
        return reverse(name, kwargs={attribute: getattr(page, attribute)})
    except NoReverseMatch:
        return None


def describe_page_change(page, action):
    """The :class:`Change` of ``page`` (queries its translations and their ancestors)."""
    from wagtail.models import Page

    specific_class = page.specific_class or type(page)
    type_name = type_name_for_model(specific_class)
    translations = list(
        Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    )
    if page.pk not in {t.pk for t in translations}:
        translations.append(page)  # deleted
    prefixes = {
        t.path[: depth * Page.steplen] for t in translations for depth in (3, 4) if t.depth > depth
    }
    ancestors = list(Page.objects.filter(path__in=prefixes)) if prefixes else []
    paths = {reverse(route) for route in ALWAYS_AFFECTED}
    paths |= {reverse(LIST_ROUTES[name]) for name in SHOWN_IN.get(type_name, LIST_ROUTES)}
    for obj in [*translations, *ancestors]:
        obj_type = type_name_for_model(obj.specific_class or type(obj))
        detail = _detail_path(obj_type, obj)
        if detail:
            paths.add(detail)
    languages = set(content_languages())
    return Change(
        action=action,
        object="page",
        id=page.pk,
        key=str(page.translation_key),
        locale=page.locale.language_code,
        type=type_name,
        api_paths=sorted(paths),
        page_urls={
            t.locale.language_code: page_url(t.locale.language_code, t.url_path)
            for t in translations
            if t.locale.language_code in languages and t.url_path
        },
    )


def page_changed(page, action):
    """Describe the change of ``page`` now and process it after the commit."""
    change = describe_page_change(page, action)
    transaction.on_commit(lambda: after_commit(change))


def after_commit(change):
    from .tasks import process_change

    process_change.enqueue(change.as_dict())


#: Sent (in the background) after a change has committed, with ``change`` a dict of
#: :class:`Change`; the webhooks app listens to it.
content_changed = Signal()
