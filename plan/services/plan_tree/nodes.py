"""What the plan-tree serializer reads and writes of each page type, and tree helpers."""

import re
from dataclasses import dataclass, field

from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
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
from plan.periods import period_label

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
