"""Rich text for the website: Wagtail's stored HTML with every internal reference resolved.

Page links become website URLs, document links download URLs and embedded images renditions;
a link whose target is not public loses its ``href``. No ``linktype=``/``embedtype=`` markup
is left. The references are looked up in bulk by :mod:`cms.api.deferred`.

Whatever the database holds (text written through the ORM, an import, an integration), the
result is sanitised with nh3 to what the editor can produce: :func:`sanitize`.
"""

import re
from functools import lru_cache
from html import unescape

import nh3
from django.utils.html import escape
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from core.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES

#: The rendition of an image embedded in rich text.
EMBED_RENDITION = "medium"

#: The HTML each editor feature produces (Draftail's converter rules).
FEATURE_TAGS = {
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "link": {"a"},
    "document-link": {"a"},
    "hr": {"hr"},
}
#: Every feature editors have, plus paragraphs, line breaks and the rendered image embeds.
ALLOWED_TAGS = {"p", "br", "img"}.union(
    *(FEATURE_TAGS.get(f, set()) for f in {*RICH_TEXT_FEATURES, *INLINE_RICH_TEXT_FEATURES})
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "width", "height", "alt"}}
ALLOWED_CLASSES = {"img": {"richtext-image", "left", "right", "fullwidth"}}
#: Link schemes; relative URLs (website paths) are kept too.
URL_SCHEMES = {"http", "https", "mailto", "tel"}


#: Sanitised texts remembered per process (:func:`sanitize`): a plan detail sanitises some 760
#: texts per language, mostly the same ones as at its last rendering (a publish changes a few).
#: At most this many texts of at most ``SANITIZED_MAX_LENGTH`` characters each, least recently
#: used dropped first: a few megabytes for texts of a few hundred characters, at most 4096 × 2 ×
#: 1000 characters (the text and its result).
SANITIZED_MEMO_SIZE = 4096
SANITIZED_MAX_LENGTH = 1000


def sanitize(html):
    """``html`` reduced to the allow-list: no scripts, event handlers, styles, iframes, or
    ``javascript:``/``data:`` URLs; the text of dropped elements stays (not of scripts).

    A pure function of ``html``: short texts are remembered (no invalidation needed, the
    result of a text never changes)."""
    if len(html) <= SANITIZED_MAX_LENGTH:
        return _remembered_clean(html)
    return _clean(html)


def _clean(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


_remembered_clean = lru_cache(maxsize=SANITIZED_MEMO_SIZE)(_clean)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def references(html):
    """The page, document and image ids ``html`` refers to: ``(pages, documents, images)``."""
    pages, documents, images = set(), set(), set()
    for match in FIND_A_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        target = _int(attrs.get("id"))
        if target is None:
            continue
        if attrs.get("linktype") == "page":
            pages.add(target)
        elif attrs.get("linktype") == "document":
            documents.add(target)
    for match in FIND_EMBED_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        target = _int(attrs.get("id"))
        if attrs.get("embedtype") == "image" and target is not None:
            images.add(target)
    return pages, documents, images


def expand(html, page_url, document_url, image):
    """Rewrite ``html`` with the lookups ``page_url(id)``, ``document_url(id)``, ``image(id)``.

    Each lookup returns ``None`` when the target is missing or not public.
    """

    def link(match):
        attrs = extract_attrs(match.group(1))
        linktype = attrs.get("linktype")
        if linktype is None:
            return match.group(0)
        target = _int(attrs.get("id"))
        url = None
        if linktype == "page":
            url = page_url(target)
        elif linktype == "document":
            url = document_url(target)
        return f'<a href="{escape(url)}">' if url else "<a>"

    def embed(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image":
            return ""
        data = image(_int(attrs.get("id")))
        rendition = (data or {}).get("renditions", {}).get(EMBED_RENDITION)
        if not rendition:
            return ""
        alt = attrs.get("alt", data["alt"])
        css = f"richtext-image {attrs.get('format', '')}".strip()
        return (
            f'<img src="{escape(rendition["url"])}" width="{rendition["width"]}" '
            f'height="{rendition["height"]}" alt="{escape(alt)}" class="{escape(css)}">'
        )

    html = FIND_A_TAG.sub(link, html or "")
    return sanitize(FIND_EMBED_TAG.sub(embed, html))


_TAGS = re.compile(r"<[^>]+>")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")


def plain_text(html, limit=None):
    """Text without markup, e.g. for search result snippets."""
    text = " ".join(unescape(_TAGS.sub(" ", html or "")).split())
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
