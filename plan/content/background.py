"""The background of a plan as an ordered body of text and definition blocks.

Plain functions on raw StreamField data (lists of ``{"type", "value", "id"}`` dicts), with no
model imports, so that the data migration, the template reader (version 1 documents) and the
services share them.
"""

import re
import uuid

_SPACE = re.compile(r"\s+")


def _normalised(html):
    return _SPACE.sub(" ", html or "").strip()


def without_repeated_text(background_html, development_area_html):
    """``background_html`` without a trailing copy of the development area's description.

    Plans written before the background became a body repeated the description as the
    background's last paragraph; the description is kept in its own field only.
    """
    background, description = _normalised(background_html), _normalised(development_area_html)
    if description and background.endswith(description):
        return background[: -len(description)].strip()
    return background


def text_block(html, block_id=None):
    """A raw text block."""
    return {"type": "text", "value": html, "id": block_id or str(uuid.uuid4())}


def definition_block(value, block_id=None):
    """A raw definition block from a dict with term, definition, source and source URL."""
    return {
        "type": "definition",
        "value": {
            "term": value.get("term", ""),
            "definition": value.get("definition", ""),
            "source": value.get("source", ""),
            "source_url": value.get("source_url", ""),
        },
        "id": block_id or str(uuid.uuid4()),
    }


def background_from_parts(background_html, definitions, development_area_html=""):
    """The body of a plan stored the old way: its background text, then its definitions.

    ``definitions`` are raw definition blocks (or their values). No text is lost: only a
    trailing repetition of the development area's description is dropped.
    """
    body = []
    text = without_repeated_text(background_html, development_area_html)
    if text:
        body.append(text_block(text))
    for item in definitions or []:
        value = item.get("value", item) if item.get("type") == "definition" else item
        body.append(definition_block(value, item.get("id")))
    return body
