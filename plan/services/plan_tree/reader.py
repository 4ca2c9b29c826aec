"""Reading a plan, its strategies and its measures in every locale into the tree dict."""

from django.db.models import Prefetch
from wagtail.models import Locale, Page

from core.visibility import public_q
from plan.models import ActionPlanPage

from .nodes import (
    CHILD_TYPE,
    DEFINITION_FEATURES,
    MEASURE,
    PAGE_TEXTS,
    PLAN,
    STRATEGY,
    node_link_rewriter,
)


def visible(queryset, include_drafts=False):
    """``queryset`` limited to public pages (as the public API decides) unless drafts count."""
    return queryset if include_drafts else queryset.filter(public_q())


def plan_languages(plan, include_drafts=False):
    """The languages of the plan's translations, the plan's own (default) language first."""
    translations = ActionPlanPage.objects.filter(translation_key=plan.translation_key)
    translations = visible(translations, include_drafts)
    codes = translations.values_list("locale__language_code", flat=True)
    return [plan.locale.language_code] + sorted(c for c in codes if c != plan.locale.language_code)


def primary_translation(plan, include_drafts=False):
    """The plan in the default locale when it has a (visible) translation there, else itself."""
    default = Locale.get_default()
    if plan.locale_id == default.pk:
        return plan
    translations = ActionPlanPage.objects.filter(
        translation_key=plan.translation_key, locale=default
    )
    return visible(translations, include_drafts).first() or plan


def _tree_pages(plan, languages, include_drafts):
    """Every page of the tree, specific, keyed by (translation key, language)."""
    keys = visible(plan.get_descendants(inclusive=True), include_drafts)
    keys = list(keys.values_list("translation_key", flat=True))
    pages = {}
    for node_type in (PLAN, STRATEGY, MEASURE):
        queryset = node_type.model.objects.filter(
            translation_key__in=keys, locale__language_code__in=languages
        ).select_related("locale")
        queryset = visible(queryset, include_drafts)
        for relation in node_type.relations:
            queryset = queryset.prefetch_related(
                Prefetch(relation.name, relation.row_model.objects.select_related(relation.field))
            )
        for name in node_type.links:
            queryset = queryset.select_related(name)
        for page in queryset:
            if include_drafts and page.has_unpublished_changes and page.latest_revision_id:
                page = page.get_latest_revision_as_object()
            pages[page.translation_key, page.locale.language_code] = page
    return pages


def _structure(plan, include_drafts):
    """The default-language pages as nested (page, children) pairs in tree order."""
    pages = visible(plan.get_descendants(), include_drafts)
    children = {}
    for page in pages.order_by("path").only("path", "depth", "translation_key"):
        children.setdefault(page.path[: -Page.steplen], []).append(page.translation_key)
    return children


class _Reader:
    """Reads the pages of one plan into the tree dict."""

    def __init__(self, plan, dumper, languages, include_drafts):
        self.dumper = dumper
        self.languages = languages
        self.pages = _tree_pages(plan, languages, include_drafts)
        self.children = _structure(plan, include_drafts)
        self.keys_by_id = {page.pk: str(key) for (key, _lang), page in self.pages.items()}

    def rich_text(self, html, features):
        def to_node(attrs):
            key = self.keys_by_id.get(_int(attrs.get("id")))
            if attrs.get("linktype") == "page" and key:
                return {"linktype": "node", "key": key}
            return None

        return self.dumper.rich_text(node_link_rewriter(html, to_node), features)

    def content(self, node_type, page):
        values = {name: getattr(page, name) or "" for name in PAGE_TEXTS + node_type.texts}
        values["unofficial_translation"] = page.unofficial_translation
        for name, features in node_type.rich_texts.items():
            values[name] = self.rich_text(getattr(page, name), features)
        if node_type is PLAN:
            values["definitions"] = [
                {
                    "term": block.value["term"],
                    "definition": self.rich_text(
                        block.value["definition"].source, DEFINITION_FEATURES
                    ),
                    "source": block.value["source"],
                    "source_url": block.value["source_url"],
                }
                for block in page.definitions
            ]
            values["quotes"] = [self.quote(block.value) for block in page.quotes]
        return values

    def quote(self, value):
        quote = {"text": value["text"], "page_number": value["page_number"]}
        resource = value["resource"] and self.dumper.ref("resource", value["resource"])
        if self.dumper.carries("resource"):
            quote["resource"] = resource
        return quote

    def node(self, node_type, key):
        page = self.pages[key, self.languages[0]]
        data = {"key": str(key)}
        if node_type is PLAN:
            data["period"] = {"start": page.period_start, "end": page.period_end}
        for name in node_type.shared:
            data[name] = getattr(page, name)
        for name, kind in node_type.links.items():
            obj = getattr(page, name)
            ref = obj and self.dumper.ref(kind, obj)
            if self.dumper.carries(kind):
                data[name] = ref
        for relation in node_type.relations:
            items = []
            for row in _in_order(getattr(page, relation.name).all()):
                ref = self.dumper.ref(relation.kind, getattr(row, relation.field))
                if ref is not None:
                    items.append(relation.value(row, ref))
            if self.dumper.carries(relation.kind):
                data[relation.name] = items
        data["content"] = {
            lang: self.content(node_type, self.pages[key, lang])
            for lang in self.languages
            if (key, lang) in self.pages
        }
        if node_type.children:
            child_type = CHILD_TYPE[node_type]
            data[node_type.children] = [
                self.node(child_type, child_key)
                for child_key in self._child_keys(page)
                if (child_key, self.languages[0]) in self.pages
            ]
        return data

    def _child_keys(self, page):
        return self.children.get(page.path, [])


def _in_order(rows):
    """Inline rows by their sort order, then by when they were made (a missing order first)."""
    return sorted(rows, key=lambda row: (row.sort_order or 0, row.pk or 0))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def dump_plan(plan, dumper, languages=None, include_drafts=False):
    """Read ``plan`` (in its own locale, normally the default) and its subtree into a dict.

    ``languages`` defaults to every language the plan is translated into; unless
    ``include_drafts``, only live and public pages are read, and pages with unpublished
    changes are read as their latest revision otherwise.
    """
    plan = plan.specific
    languages = languages or plan_languages(plan, include_drafts)
    reader = _Reader(plan, dumper, languages, include_drafts)
    return reader.node(PLAN, plan.translation_key)
