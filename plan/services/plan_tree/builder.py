"""Creating draft pages from the tree dict: the default language first, then translations."""

import uuid
from dataclasses import dataclass, field

from wagtail.models import Locale, Page, TranslatableMixin

from core.translation import MissingTranslationError
from plan.models import ActionPlanPage

from .nodes import (
    CHILD_TYPE,
    DEFINITION_FEATURES,
    PAGE_TEXTS,
    PLAN,
    TYPE_OF_MODEL,
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

    def resolve(self, kind, value):
        return None if value is None else self.resolver.resolve(kind, value)

    def new_page(self, node_type, node, lang, parent):
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
            page.definitions = [self.definition(item) for item in values.get("definitions", [])]
            page.quotes = [self.quote(item, locale) for item in values.get("quotes", [])]
        for name in node_type.shared:
            setattr(page, name, node.get(name, False))
        for name, kind in node_type.links.items():
            setattr(page, name, _in_locale(self.resolve(kind, node.get(name)), locale))
        self.add_rows(node_type, node, page)
        parent.add_child(instance=page)
        self.pages[node["key"], lang] = page
        self.progress(len(self.pages), self.total)
        return page

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
                        setattr(row, name, _in_locale(getattr(source, name), page.locale))
                    rows.append(row)
            setattr(page, relation.name, rows)

    def definition(self, item):
        html = self.resolver.rich_text(item.get("definition", ""), DEFINITION_FEATURES)
        return {
            "type": "definition",
            "value": {
                "term": item.get("term", ""),
                "definition": html,
                "source": item.get("source", ""),
                "source_url": item.get("source_url", ""),
            },
        }

    def quote(self, item, locale):
        resource = _in_locale(self.resolve("resource", item.get("resource")), locale)
        return {
            "type": "quote",
            "value": {
                "text": item.get("text", ""),
                "page_number": item.get("page_number", ""),
                "resource": resource.pk if resource else None,
            },
        }

    def build(self, node_type, node, lang, parent):
        if lang not in node["content"]:
            return
        page = self.new_page(node_type, node, lang, parent)
        for child in node.get(node_type.children, []) if node_type.children else []:
            self.build(CHILD_TYPE[node_type], child, lang, page)

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
            raw = page.definitions.raw_data
            definitions = [
                {
                    **b,
                    "value": {
                        **b["value"],
                        "definition": node_link_rewriter(b["value"]["definition"], to_page),
                    },
                }
                for b in raw
            ]
            if definitions != list(raw):
                changed = True
                page.definitions = definitions
        return changed


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
    is called after each new page.
    """
    languages = list(parents)
    builder = _Builder(resolver, languages, provenance, progress)
    builder.total = sum(
        1 for _type, node, _path in walk(tree) for lang in languages if lang in node["content"]
    )
    for lang in languages:
        builder.build(PLAN, tree, lang, parents[lang])
    for (_key, lang), page in builder.pages.items():
        if builder.link_nodes(page, lang):
            page.save()
        page.save_revision(user=user, log_action="wagtail.create")
    plan = builder.pages[tree["key"], languages[0]]
    return BuildResult(plan=plan, pages=builder.pages)
