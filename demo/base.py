"""What the demo loader's steps share: the run's context and small page helpers."""

import html
from collections import Counter
from dataclasses import dataclass, field

from wagtail.models import Locale

from core.slugs import norwegian_slugify
from core.translation import translate_page


@dataclass
class DemoReport:
    """What a run created, what it left as it was, and the demo admin's credentials."""

    created: Counter = field(default_factory=Counter)
    notes: list = field(default_factory=list)
    admin_username: str = ""
    admin_password: str | None = None
    admin_created: bool = False

    def count(self, model, number=1):
        """Record ``number`` new objects of ``model``."""
        self.created[str(model._meta.verbose_name_plural)] += number


@dataclass
class DemoContext:
    """The locales of a run and the snippets and pages loaded so far, by their natural keys."""

    nb: Locale
    en: Locale
    report: DemoReport
    snippets: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)

    def snippet(self, kind, key, locale=None):
        """The snippet ``kind``/``key`` in ``locale`` (Bokmål when not given)."""
        snippet = self.snippets[kind, key]
        return snippet if locale in (None, self.nb) else snippet.get_translation(locale)


def rich_text(paragraphs):
    """Rich-text HTML from a paragraph or a list of paragraphs of plain text."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def texts(spec, lang, names):
    """The fields ``names`` of a fixture entry in ``lang``, as (field, is rich text) pairs.

    A missing optional text is empty.
    """
    values = {}
    for name, rich in names:
        value = spec.get(name, {}).get(lang, [] if rich else "")
        values[name] = rich_text(value) if rich else value
    return values


def english_slug(spec):
    """The English slug of a fixture page: its ``slug_en``, else the slug of its English title.

    The English page is reached at e.g. ``/en/nordland/action-plan-2024-2025/inform/``; the
    slug is one of the page's strings that wagtail-localize translates.
    """
    return spec.get("slug_en") or norwegian_slugify(spec["title"]["en"])


def publish_child(parent, page):
    """Add ``page`` under ``parent``, publish it and return it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_child(ctx, parent, model, slug, build):
    """Return the child ``slug`` of ``parent``, publishing ``build()`` when it is missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = publish_child(parent, build())
        ctx.report.count(model)
    return page


def ensure_translation(ctx, page, page_links=(), **values):
    """Return the English translation of ``page``, creating and publishing it when missing.

    ``values`` are the English texts. ``page_links`` names inline rows that point at pages, as
    (relation, field) pairs: the translation's rows are pointed at the English pages, which
    must exist already.
    """
    existing = page.get_translation_or_none(ctx.en)
    if existing is not None:
        return existing.specific
    translation = translate_page(
        page, ctx.en, publish=not page_links, unofficial_translation=True, **values
    )
    if page_links:
        for relation, field_name in page_links:
            rows = list(getattr(translation, relation).all())
            for row in rows:
                setattr(row, field_name, getattr(row, field_name).get_translation(ctx.en))
            setattr(translation, relation, rows)
        translation.save_revision().publish()
        translation.refresh_from_db()
    ctx.report.created["English page translations"] += 1
    return translation
