"""What serializers need to know about the request: the languages and how to build URLs."""

from dataclasses import dataclass

from core.links import page_url

from .locales import Locales


@dataclass
class ApiContext:
    """Passed to every serializer as ``context["api"]``."""

    locales: Locales

    @property
    def language(self):
        return self.locales.language

    def language_of(self, page):
        return self.locales.code(page.locale_id)

    def url(self, page):
        """The public website URL of ``page``."""
        return page_url(self.language_of(page), page.url_path) if page.url_path else None

    def is_fallback(self, page):
        """True when ``page`` stands in for a translation the requested language lacks."""
        return self.language_of(page) != self.language
