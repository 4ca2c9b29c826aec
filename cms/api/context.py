"""What serializers need to know about the request: the languages, how to build URLs, and
what the view loaded for them.

This is the one channel from a view to its serializers: the view records here what it loaded
in bulk (a page's children, the measures that point at a resource or event), the serializers
read it back. Serializers never query the database for it themselves.
"""

from dataclasses import dataclass, field

from core.links import page_url

from .locales import Locales


@dataclass
class ApiContext:
    """Passed to every serializer as ``context["api"]``.

    ``children`` maps a page's id to its public child pages (already localised, in tree
    order) that the view loaded for the representation; ``measure_ids`` maps a resource's or
    event's id to the ids of the default-language measures that link to it, in plan order.
    """

    locales: Locales
    children: dict = field(default_factory=dict)
    measure_ids: dict = field(default_factory=dict)
    _labels: dict = field(default_factory=dict, repr=False)

    @property
    def language(self):
        return self.locales.language

    def language_of(self, page):
        return self.locales.code(page.locale_id)

    def url(self, page):
        """The public website URL of ``page``."""
        return page_url(self.language_of(page), page.url_path) if page.url_path else None

    def children_of(self, page):
        """The child pages the view loaded for ``page`` (an empty list when none)."""
        return self.children.get(page.pk, [])

    def measure_ids_of(self, page):
        """The ids of the measures the view found linking to ``page``."""
        return self.measure_ids.get(page.pk, [])

    def label(self, name, code):
        """The label of ``code`` in the code list ``name`` (:func:`cms.api.labels.label_of`).

        Each code list's labels are looked up once, in the text language active then: a
        response is rendered in one text language (resolve and preview activate the path's
        before they render, with a context of their own)."""
        labels = self._labels.get(name)
        if labels is None:
            from .labels import labels_of  # (labels imports this module)

            labels = self._labels[name] = labels_of(name)
        return labels.get(code, "")

    def is_fallback(self, page):
        """True when ``page`` stands in for a translation the requested language lacks."""
        return self.language_of(page) != self.language


def api_of(field):
    """The :class:`ApiContext` of a serializer or field (``context["api"]``, None without
    one), remembered by it: a bound field's context does not change, and DRF finds it through
    every parent up to the root."""
    try:
        return field.__dict__["_api_context"]
    except KeyError:
        api = field.__dict__["_api_context"] = field.context.get("api")
        return api
