"""Creating draft pages from the tree dict: the default language first, then translations.

The pages are made in memory with their tree positions, validated as Wagtail validates a
page, and then written in bulk (:mod:`.bulk`); their translations are managed by
wagtail-localize from the start (:mod:`translations.bulk`).
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, TranslatableMixin

from core.translation import MissingTranslationError
from plan.models import ActionPlanPage
from translations.bulk import manage_translations

from . import bulk
from .nodes import (
    CHILD_TYPE,
    PAGE_TEXTS,
    PLAN,
    TYPE_OF_MODEL,
    background_block,
    map_background,
    node_link_rewriter,
    walk,
)


@dataclass
class BuildResult:
    """The pages a build created: the plan in the default language and every page by language."""

    plan: ActionPlanPage
    pages: dict = field(default_factory=dict)

    def count(self, model=None, language=None):
        """How many pages were created, optionally of one type and language."""
        return sum(
            1
            for (_key, lang), page in self.pages.items()
            if (model is None or isinstance(page, model)) and (language in (None, lang))
        )


class _Builder:
    """Creates the pages of a tree dict under a branch, see :func:`build_plan`."""

    def __init__(self, resolver, languages, provenance, progress):
        self.resolver = resolver
        self.languages = languages
        self.provenance = provenance
        self.progress = progress or (lambda done, total: None)
        self.total = 0
        self.locales = {lang: Locale.objects.get(language_code=lang) for lang in languages}
        self.pages = {}
        self.new_keys = {}
        self.primary_rows = {}
        self.order = []
        self.rows = {}
        self.translations = {}
        self.sibling_slugs = {}
        self.block_ids = {}

    def resolve(self, kind, value):
        return None if value is None else self.resolver.resolve(kind, value)

    def new_page(self, node_type, node, lang, parent, index):
        locale = self.locales[lang]
        values = node["content"][lang]
        page = node_type.model(
            locale=locale,
            live=False,
            translation_key=self.new_keys.setdefault(node["key"], uuid.uuid4()),
            forked_from_key=node["key"],
            **self.provenance(lang),
        )
        for name in PAGE_TEXTS + node_type.texts:
            setattr(page, name, values.get(name, ""))
        page.unofficial_translation = values.get("unofficial_translation", False)
        for name, features in node_type.rich_texts.items():
            setattr(page, name, self.resolver.rich_text(values.get(name, ""), features))
        if node_type is PLAN:
            page.period_start = node["period"]["start"]
            page.period_end = node["period"]["end"]
            background = [
                background_block(item, self.resolver.rich_text)
                for item in values.get("background", [])
            ]
            page.background = self.with_block_ids(node["key"], "background", lang, background)
            quotes = [self.quote(item, locale) for item in values.get("quotes", [])]
            page.quotes = self.with_block_ids(node["key"], "quotes", lang, quotes)
        for name in node_type.shared:
            setattr(page, name, node.get(name, False))
        for name, kind in node_type.links.items():
            setattr(page, name, self.in_locale(self.resolve(kind, node.get(name)), locale))
        page.draft_title = page.title
        page.has_unpublished_changes = True
        bulk.tree_position(page, parent, index)
        if index is None:
            _validate(page)  # under the branch: Wagtail checks the slug among its children
        else:
            parent.numchild += 1
            self.validate_new_child(page, parent)
        self.add_rows(node_type, node, page)
        bulk.empty_child_relations(page)
        self.pages[node["key"], lang] = page
        self.order.append(page)
        self.report(len(self.order))
        return page

    def with_block_ids(self, key, name, lang, blocks):
        """Give the raw ``blocks`` of stream field ``name`` their ids: new ones in the
        default language, and in a translation those of the default language's blocks at the
        same place and of the same type, as wagtail-localize's translations keep them (its
        strings are found by block id)."""
        primary = self.block_ids.setdefault((key, name), [])
        for index, block in enumerate(blocks):
            if lang != self.languages[0] and index < len(primary):
                block_type, block_id = primary[index]
                block["id"] = block_id if block_type == block["type"] else str(uuid.uuid4())
            else:
                block["id"] = str(uuid.uuid4())
                if lang == self.languages[0]:
                    primary.append((block["type"], block["id"]))
        return blocks

    def report(self, steps):
        """Call ``progress`` every 25 steps: building a page in memory and serialising its
        revision are a step each, so ``steps // 2`` pages are done."""
        if steps % 25 == 0:
            self.progress(steps // 2, self.total)

    def validate_new_child(self, page, parent):
        """Validate a page under a page of the new tree: its slug is checked among the new
        siblings in memory (Wagtail's check would ask the database about a parent that is
        not written yet)."""
        slugs = self.sibling_slugs.setdefault(id(parent), set())

        def check_slug_is_unique():
            if page.slug in slugs:
                raise ValidationError(
                    {
                        "slug": _("The slug “%(slug)s” is used twice under “%(parent)s”.")
                        % {"slug": page.slug, "parent": parent.title}
                    }
                )

        page._check_slug_is_unique = check_slug_is_unique
        try:
            _validate(page)
        finally:
            del page._check_slug_is_unique
        slugs.add(page.slug)

    def in_locale(self, obj, locale):
        """:func:`_in_locale`, remembered: many rows point at the same few objects."""
        if not isinstance(obj, TranslatableMixin) or obj.locale_id == locale.pk:
            return obj
        key = (type(obj), obj.pk, locale.pk)
        if key not in self.translations:
            self.translations[key] = _in_locale(obj, locale)
        return self.translations[key]

    def add_rows(self, node_type, node, page):
        """Give ``page`` its inline rows; translations copy the default language's rows."""
        for relation in node_type.relations:
            primary = self.primary_rows.get((node["key"], relation.name))
            if primary is None:
                items = node.get(relation.name, [])
                rows = [relation.row_model(**relation.row_values(i, self.resolve)) for i in items]
                rows = [row for row in rows if getattr(row, relation.field) is not None]
                for index, row in enumerate(rows):
                    row.sort_order = index
                self.primary_rows[node["key"], relation.name] = rows
            else:
                rows = []
                for source in primary:
                    row = relation.row_model(
                        translation_key=source.translation_key, sort_order=source.sort_order
                    )
                    for name in (relation.field, *relation.extra):
                        setattr(row, name, self.in_locale(getattr(source, name), page.locale))
                    rows.append(row)
            for row in rows:
                row.locale = page.locale
            setattr(page, relation.name, rows)
            self.rows.setdefault(relation.row_model, []).append((page, relation.name, rows))

    def quote(self, item, locale):
        resource = self.in_locale(self.resolve("resource", item.get("resource")), locale)
        return {
            "type": "quote",
            "value": {
                "text": item.get("text", ""),
                "page_number": item.get("page_number", ""),
                "resource": resource.pk if resource else None,
            },
        }

    def build(self, node_type, node, lang, parent, index=None):
        if lang not in node["content"]:
            return
        page = self.new_page(node_type, node, lang, parent, index)
        for child in node.get(node_type.children, []) if node_type.children else []:
            self.build(CHILD_TYPE[node_type], child, lang, page, page.numchild + 1)

    def write(self, user):
        """Insert every page, its rows and its revision (see :mod:`.bulk`)."""
        bases = bulk.insert_pages(self.order)
        for page in self.order:
            # Only the ids in links change: nothing to validate again.
            self.link_nodes(page, page.locale.language_code)
        bulk.insert_specific_rows(self.order)
        rows = {}
        for model, owners in self.rows.items():
            for page, name, page_rows in owners:
                parental_key = type(page)._meta.get_field(name).field.name
                for row in page_rows:
                    setattr(row, parental_key, page)
                rows.setdefault(model, []).extend(page_rows)
        bulk.insert_rows(rows)
        built = len(self.order)
        bulk.save_revisions(self.order, bases, user, lambda done: self.report(built + done))
        bulk.index_references(self.order)
        bulk.index_for_search(self.order)
        manage_translations(self.translation_pairs(), user)
        self.progress(self.total, self.total)

    def translation_pairs(self):
        """(default-language page, its translation) of every new translation."""
        primary = self.languages[0]
        return [
            (self.pages[key, primary], page)
            for (key, lang), page in self.pages.items()
            if lang != primary and (key, primary) in self.pages
        ]

    def link_nodes(self, page, lang):
        """Point the node links of ``page`` at the new pages; return whether anything changed."""

        def to_page(attrs):
            if attrs.get("linktype") != "node":
                return None
            key = attrs.get("key")
            target = self.pages.get((key, lang)) or self.pages.get((key, self.languages[0]))
            return {"linktype": "page", "id": str(target.pk)} if target else {}

        node_type = TYPE_OF_MODEL[type(page)]
        changed = False
        for name in node_type.rich_texts:
            html = node_link_rewriter(getattr(page, name), to_page)
            changed |= html != getattr(page, name)
            setattr(page, name, html)
        if node_type is PLAN:
            raw = list(page.background.raw_data)
            background = map_background(raw, lambda html, _f: node_link_rewriter(html, to_page))
            if background != raw:
                changed = True
                page.background = background
        return changed


def _validate(page):
    """Validate ``page`` as Wagtail does before saving, except what the database checks itself
    (foreign keys, unique keys: one query each)."""
    foreign_keys = [
        f.name for f in type(page)._meta.concrete_fields if isinstance(f, models.ForeignKey)
    ]
    page.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)


def _in_locale(obj, locale):
    """``obj`` in ``locale``: a snippet's translation (which must exist), a page's translation
    when there is one (else the page itself), anything else as it is."""
    if not isinstance(obj, TranslatableMixin) or obj.locale_id == locale.pk:
        return obj
    translation = obj.get_translation_or_none(locale)
    if isinstance(obj, Page):
        return translation.specific if translation else obj
    if translation is None:
        raise MissingTranslationError(
            f"{obj._meta.verbose_name} “{obj}” has no translation in {locale.language_code}; "
            "translate it first."
        )
    return translation


def build_plan(tree, parents, resolver, provenance, user=None, progress=None):
    """Create the plan of ``tree`` as drafts under the branch pages ``parents``.

    ``parents`` maps each language to build, the default language first, to the branch page
    in that language. ``provenance(language)`` gives the forked-from values of the new pages.
    Snippet relations of translations point at the snippets' translations (a missing one
    raises ``MissingTranslationError``), page links at the pages' translations when there
    are. Each page gets one revision, logged as created by ``user``; ``progress(done, total)``
    is called as the pages are built and written (every few pages and at the end).
    """
    languages = list(parents)
    builder = _Builder(resolver, languages, provenance, progress)
    builder.total = sum(
        1 for _type, node, _path in walk(tree) for lang in languages if lang in node["content"]
    )
    for lang in languages:
        builder.build(PLAN, tree, lang, parents[lang])
    builder.write(user)
    for lang in languages:
        bulk.add_children_to(parents[lang])
    plan = builder.pages[tree["key"], languages[0]]
    return BuildResult(plan=plan, pages=builder.pages)
