"""What a response depends on, named as cache tags, and which tags a content change touches.

While a response is rendered, the code that reads content records tags naming what it read
(:func:`record`); a change bumps the tags of what it changed (see ``cms.api.generation``). A
cached response stays valid while none of its tags has been bumped since it was rendered.

Page tags follow the tree (paths of ``Page.steplen`` characters per level), cut at the plan
level (depth 4: plans and the index pages of a branch), so a plan with its strategies and
measures is one unit:

- ``u:<path>``: the unit at ``path`` changed (a home page, a branch page itself, or anything
  in a plan's or index page's subtree). Read by every response that shows a page of the unit.
- ``below:<path>``: something at or below ``path`` changed. Read by responses that list the
  children of a page (a branch's plans).
- ``anc:<path>``: a home or branch page changed, which can change the visibility and URL of
  every page below it. Read by every response that shows a page below it.

Other tags: ``s:<key>`` a snippet (by translation key), ``image:<id>``, ``document:<id>``,
``type:<app.model>`` any page of a type or below one (lists), ``pages`` any page,
``snippets`` any snippet, ``all`` what every response depends on (sites, locales,
redirects, collection restrictions), and ``any``, bumped by every change.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from wagtail.models import Page

STEPLEN = Page.steplen
#: Pages at this depth (plans, index pages) and their subtrees form one unit.
UNIT_DEPTH = 4
HOME_DEPTH = 2

ALL = "all"
ANY = "any"
PAGES = "pages"
SNIPPETS = "snippets"

_recorder = ContextVar("api_dependencies", default=None)


@contextmanager
def recording():
    """Collect the tags recorded while the block runs into the yielded set."""
    tags = {ALL}
    token = _recorder.set(tags)
    try:
        yield tags
    finally:
        _recorder.reset(token)


def record(*tags):
    """Note that the response being rendered depends on ``tags`` (no-op outside a render)."""
    tags_so_far = _recorder.get()
    if tags_so_far is not None:
        tags_so_far.update(tags)


def record_many(tags):
    record(*tags)


# --- Pages ------------------------------------------------------------------------------------


def _depth(path):
    return len(path) // STEPLEN


def page_read_tags(path):
    """The tags a response depends on when it shows the page at ``path``."""
    depth = _depth(path)
    if depth < HOME_DEPTH:
        return {ALL}
    unit = min(depth, UNIT_DEPTH)
    return {f"u:{path[: unit * STEPLEN]}"} | {
        f"anc:{path[: level * STEPLEN]}" for level in range(HOME_DEPTH, unit)
    }


def children_read_tags(path):
    """The tags a response depends on when it lists pages below the page at ``path``."""
    depth = _depth(path)
    if depth < HOME_DEPTH:
        return {PAGES}
    return page_read_tags(path) | {f"below:{path[: min(depth, UNIT_DEPTH) * STEPLEN]}"}


def page_change_tags(path):
    """The tags a change of the page at ``path`` (content, visibility or place) bumps."""
    depth = _depth(path)
    if depth < HOME_DEPTH:
        return {ALL, PAGES}
    unit = min(depth, UNIT_DEPTH)
    tags = {PAGES, f"u:{path[: unit * STEPLEN]}"}
    tags |= {f"below:{path[: level * STEPLEN]}" for level in range(HOME_DEPTH, unit + 1)}
    if depth < UNIT_DEPTH:
        tags.add(f"anc:{path}")
    return tags


def type_tag(model):
    return f"type:{model._meta.label_lower}"


@cache
def _types_at_or_below(model):
    """``model`` and every page type that can be created below it, as type tags."""
    tags, pending = set(), [model]
    while pending:
        current = pending.pop()
        tag = type_tag(current)
        if tag in tags:
            continue
        tags.add(tag)
        pending.extend(current.allowed_subpage_models())
    return frozenset(tags)


def page_type_tags(model):
    """The list tags a change of a ``model`` page bumps: its type and every type below it."""
    return set(_types_at_or_below(model))


# --- Other objects ------------------------------------------------------------------------------


def snippet_tag(obj):
    """A snippet's tag: its translation key (shared by its translations), else model and id."""
    key = getattr(obj, "translation_key", None)
    return snippet_key_tag(key) if key else f"s:{obj._meta.label_lower}:{obj.pk}"


def snippet_key_tag(key):
    """The tag of the snippet with translation key ``key``."""
    return f"s:{key}"


def image_tag(image_id):
    return f"image:{image_id}"


def document_tag(document_id):
    return f"document:{document_id}"
