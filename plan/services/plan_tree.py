"""The one serializer of a plan tree, shared by forking a plan and by plan templates.

``dump_plan`` reads a plan, its strategies and its measures in every locale into a nested dict
(the ``plan`` member of a template document); ``build_plan`` creates draft pages from such a
dict under a branch, the default-language pages first and then their translations, linked as
translations of each other.

What a reference to something outside the tree looks like is decided by a *dumper* (reading)
and a *resolver* (building): forking inside the install keeps the objects themselves
(``SameInstall``), a template uses names, numbers and URLs (``plan.services.template_refs``).
Links in rich text between pages of the tree become ``<a linktype="node" key="…">`` in the
dict and point at the new pages after building.
"""

import re
import uuid
from dataclasses import dataclass, field

from django.db.models import Prefetch
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from cms.api.visibility import public_q
from plan.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from plan.models import (
    ActionPlanPage,
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureTargetGroup,
    StrategyGoal,
    StrategyPage,
)
from plan.services.translation import MissingTranslationError

PAGE_TEXTS = ("title", "slug", "seo_title", "search_description")
DEFINITION_FEATURES = INLINE_RICH_TEXT_FEATURES + ["ol", "ul"]


@dataclass(frozen=True)
class Relation:
    """Inline rows of a node: ``name`` is the relation and the dict key, ``field`` the link."""

    name: str
    row_model: type
    field: str
    kind: str
    extra: tuple = ()

    def value(self, row, ref):
        """The dict form of one row, with ``ref`` standing for the linked object."""
        if not self.extra:
            return ref
        return {self.field: ref, **{name: getattr(row, name) for name in self.extra}}

    def row_values(self, item, resolve):
        """The field values of a new row from its dict form."""
        if not self.extra:
            return {self.field: resolve(self.kind, item)}
        return {
            self.field: resolve(self.kind, item[self.field]),
            **{name: item[name] for name in self.extra},
        }


@dataclass(frozen=True, eq=False)
class NodeType:
    """What the serializer reads and writes of one page type of the plan tree."""

    model: type
    children: str | None
    texts: tuple
    rich_texts: dict
    shared: tuple = ()
    links: dict = field(default_factory=dict)
    relations: tuple = ()
    #: Per-locale fields kept by a structure-only copy (besides the page texts).
    structure: tuple = ()


MEASURE = NodeType(
    model=MeasurePage,
    children=None,
    texts=("timing_text",),
    rich_texts={"summary": INLINE_RICH_TEXT_FEATURES, "body": RICH_TEXT_FEATURES},
    shared=("is_recurring",),
    relations=(
        Relation("partners", MeasurePartner, "organisation", "organisation", ("role",)),
        Relation("target_groups", MeasureTargetGroup, "target_group", "target_group"),
        Relation("goals", MeasureGoal, "goal", "goal"),
        Relation("contacts", MeasureContact, "contact", "contact"),
        Relation("related_events", MeasureRelatedEvent, "event", "event"),
        Relation("related_resources", MeasureRelatedResource, "resource", "resource"),
    ),
)
STRATEGY = NodeType(
    model=StrategyPage,
    children="measures",
    texts=("lead",),
    rich_texts={"summary": INLINE_RICH_TEXT_FEATURES, "introduction": RICH_TEXT_FEATURES},
    relations=(Relation("goals", StrategyGoal, "goal", "goal"),),
    structure=("lead",),
)
PLAN = NodeType(
    model=ActionPlanPage,
    children="strategies",
    texts=("development_area_title", "development_area_adopted_by"),
    rich_texts={
        "introduction": RICH_TEXT_FEATURES,
        "development_area_description": RICH_TEXT_FEATURES,
        "background": RICH_TEXT_FEATURES,
        "overall_goal": INLINE_RICH_TEXT_FEATURES,
        "strategies_introduction": RICH_TEXT_FEATURES,
    },
    links={"cover_image": "image", "contact_person": "contact"},
    structure=("development_area_title",),
)
CHILD_TYPE = {PLAN: STRATEGY, STRATEGY: MEASURE}
TYPE_OF_MODEL = {node_type.model: node_type for node_type in (PLAN, STRATEGY, MEASURE)}


class SameInstall:
    """References for a copy inside this install: every object stands for itself.

    Contact persons of another branch than ``branch`` are dropped.
    """

    def __init__(self, branch):
        self.branch_key = branch.translation_key
        self.dropped = []

    def carries(self, kind):
        return True

    def ref(self, kind, obj):
        if kind == "contact" and obj.branch_id and obj.branch.translation_key != self.branch_key:
            self.dropped.append(obj)
            return None
        return obj

    def rich_text(self, html, features):
        return html

    def resolve(self, kind, value):
        return value


# --- Reading ------------------------------------------------------------------------------


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


def node_link_rewriter(html, replace):
    """Rewrite the opening ``<a>`` tags of ``html``: ``replace(attrs)`` gives new attributes.

    ``replace`` returns ``None`` to leave a tag as it is.
    """

    def substitute(match):
        new_attrs = replace(extract_attrs(match.group(1)))
        if new_attrs is None:
            return match.group(0)
        rendered = "".join(
            f' {name}="{value.replace("&", "&amp;").replace(chr(34), "&quot;")}"'
            for name, value in new_attrs.items()
        )
        return f"<a{rendered}>"

    return FIND_A_TAG.sub(substitute, html or "")


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


def walk(tree):
    """Every node of the tree dict with its type and JSON path, top-down."""
    stack = [(PLAN, tree, "$.plan")]
    while stack:
        node_type, node, path = stack.pop(0)
        yield node_type, node, path
        if node_type.children:
            for index, child in enumerate(node.get(node_type.children, [])):
                stack.append(
                    (CHILD_TYPE[node_type], child, f"{path}.{node_type.children}[{index}]")
                )


def strip_texts(tree):
    """Empty the texts of every node, keeping titles, slugs and lead statements."""
    for node_type, node, _path in walk(tree):
        for values in node["content"].values():
            for name in node_type.texts + tuple(node_type.rich_texts):
                if name not in node_type.structure:
                    values[name] = ""
            values["search_description"] = ""
            if node_type is PLAN:
                values["definitions"] = []
                values["quotes"] = []


def period_label(start, end, dash="–"):
    """A period as printed, e.g. "2026–2027" (or "2026" for one year)."""
    return str(start) if start == end else f"{start}{dash}{end}"


def set_period(tree, start, end):
    """Give the plan a new period, rewriting the old period in its titles and slugs."""
    old = tree["period"]
    pattern = re.compile(
        rf"{old['start']}\s*[–-]\s*{old['end']}"
        if old["start"] != old["end"]
        else rf"(?<!\d){old['start']}(?!\d)"
    )
    for values in tree["content"].values():
        for name, dash, joiner in (("title", "–", " "), ("slug", "-", "-")):
            new, count = pattern.subn(period_label(start, end, dash), values[name])
            values[name] = (
                new if count else f"{values[name]}{joiner}{period_label(start, end, dash)}"
            )
    tree["period"] = {"start": start, "end": end}


# --- Building -----------------------------------------------------------------------------


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
