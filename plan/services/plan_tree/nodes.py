"""What the plan-tree serializer reads and writes of each page type, and tree helpers."""

import re
from dataclasses import dataclass, field

from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from plan.models import (
    MEASURE_RELATIONS,
    STRATEGY_RELATIONS,
    ActionPlanPage,
    MeasurePage,
    StrategyPage,
)
from plan.periods import period_label

PAGE_TEXTS = ("title", "slug", "seo_title", "search_description")
DEFINITION_FEATURES = INLINE_RICH_TEXT_FEATURES + ["ol", "ul"]


@dataclass(frozen=True, eq=False)
class NodeType:
    """What the serializer reads and writes of one page type of the plan tree."""

    model: type
    children: str | None
    texts: tuple
    rich_texts: dict
    shared: tuple = ()
    links: dict = field(default_factory=dict)
    #: The inline relations (``core.models.relations.Relation``), declared beside the models.
    relations: tuple = ()
    #: Per-locale fields kept by a structure-only copy (besides the page texts).
    structure: tuple = ()


MEASURE = NodeType(
    model=MeasurePage,
    children=None,
    texts=("timing_text",),
    rich_texts={"summary": INLINE_RICH_TEXT_FEATURES, "body": RICH_TEXT_FEATURES},
    shared=("is_recurring",),
    relations=MEASURE_RELATIONS,
)
STRATEGY = NodeType(
    model=StrategyPage,
    children="measures",
    texts=("lead",),
    rich_texts={"summary": INLINE_RICH_TEXT_FEATURES, "introduction": RICH_TEXT_FEATURES},
    relations=STRATEGY_RELATIONS,
    structure=("lead",),
)
PLAN = NodeType(
    model=ActionPlanPage,
    children="strategies",
    texts=(
        "development_area_title",
        "development_area_adopted_by",
        "cover_image_alt",
        "cover_image_caption",
    ),
    rich_texts={
        "introduction": RICH_TEXT_FEATURES,
        "development_area_description": RICH_TEXT_FEATURES,
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


#: The rich texts of a background block, by block type: (field, features); "" is the value.
BACKGROUND_RICH_TEXTS = {
    "text": (("", RICH_TEXT_FEATURES),),
    "definition": (("definition", DEFINITION_FEATURES),),
}


def background_item(block, rich_text):
    """The template form of a raw background block; ``rich_text(html, features)`` maps HTML."""
    if block["type"] == "text":
        return {"type": "text", "text": rich_text(block["value"], RICH_TEXT_FEATURES)}
    value = block["value"]
    return {
        "type": "definition",
        "term": value.get("term", ""),
        "definition": rich_text(value.get("definition", ""), DEFINITION_FEATURES),
        "source": value.get("source", ""),
        "source_url": value.get("source_url", ""),
    }


def background_block(item, rich_text):
    """The raw block of a background item of a template (the reverse of background_item)."""
    if item["type"] == "text":
        return {"type": "text", "value": rich_text(item.get("text", ""), RICH_TEXT_FEATURES)}
    return {
        "type": "definition",
        "value": {
            "term": item.get("term", ""),
            "definition": rich_text(item.get("definition", ""), DEFINITION_FEATURES),
            "source": item.get("source", ""),
            "source_url": item.get("source_url", ""),
        },
    }


def map_background(raw_blocks, rich_text):
    """Raw background blocks with every rich text passed through ``rich_text(html, features)``;
    block ids are kept."""
    blocks = []
    for block in raw_blocks:
        new = dict(block)
        for name, features in BACKGROUND_RICH_TEXTS[block["type"]]:
            if name:
                new["value"] = {**block["value"], name: rich_text(block["value"][name], features)}
            else:
                new["value"] = rich_text(block["value"], features)
        blocks.append(new)
    return blocks


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
                values["background"] = []
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
