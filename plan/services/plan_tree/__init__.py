"""The one serializer of a plan tree, shared by forking a plan and by plan templates.

``dump_plan`` reads a plan, its strategies and its measures in every locale into a nested dict
(the ``plan`` member of a template document); ``build_plan`` creates draft pages from such a
dict under a branch, the default-language pages first and then their translations, linked as
translations of each other.

What a reference to something outside the tree looks like is decided by a *dumper* (reading)
and a *resolver* (building): forking inside the install keeps the objects themselves
(``SameInstall``), a template uses names, numbers and URLs (``plan.services.template.refs``).
Links in rich text between pages of the tree become ``<a linktype="node" key="…">`` in the
dict and point at the new pages after building.

``nodes`` says what is read and written of each page type, ``reader`` reads, ``builder``
builds and ``placement`` checks and saves a tree under a branch (the period, clashes).
"""

from .builder import BuildResult, build_plan
from .nodes import (
    CHILD_TYPE,
    MEASURE,
    PLAN,
    STRATEGY,
    NodeType,
    Relation,
    SameInstall,
    node_link_rewriter,
    set_period,
    strip_texts,
    walk,
)
from .placement import (
    ForkError,
    branch_parents,
    check_period,
    check_target,
    live_plan,
    parse_period,
    save_tree,
    target_branch,
)
from .reader import dump_plan, plan_languages, primary_translation, visible

__all__ = [
    "CHILD_TYPE",
    "ForkError",
    "MEASURE",
    "PLAN",
    "STRATEGY",
    "BuildResult",
    "NodeType",
    "Relation",
    "SameInstall",
    "branch_parents",
    "build_plan",
    "check_period",
    "check_target",
    "dump_plan",
    "live_plan",
    "node_link_rewriter",
    "parse_period",
    "plan_languages",
    "primary_translation",
    "save_tree",
    "set_period",
    "strip_texts",
    "target_branch",
    "visible",
    "walk",
]
