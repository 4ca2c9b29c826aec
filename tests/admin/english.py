"""Finding English on an admin screen: visible text, placeholders, titles, labels.

A word counts as English when Wagtail, wagtail-localize or Django's admin use it in their
English source strings and no Bokmål translation of theirs or ours, nor the demo's Bokmål
content, uses it. A text is English when it has such a word (proper names are allowed).
"""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import wagtail
import wagtail_localize
from django.conf import settings

WORD = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
#: Proper names and words that are the same in both languages.
ALLOWED = {
    "wagtail",
    "handlingsplan",
    "cms",
    "nordland",
    "troms",
    "english",
    "norsk",
    "bokmål",
    "po",
    "url",
    "id",
    "pdf",
    "svg",
    "png",
    "jpeg",
    "jpg",
    "gif",
    "webp",
    "avif",
    "ok",
    "mb",
    "kb",
    "utc",
    "api",
    "html",
    "slug",
    "seo",
    "ks",
}
ATTRIBUTES = {"placeholder", "title", "aria-label", "alt", "aria-description"}
#: Keys of JSON props (the sidebar's) whose values are shown.
JSON_LABELS = {"label", "title", "heading", "placeholder"}
SKIPPED_TAGS = {"script", "style", "noscript"}


def _catalogues(language):
    roots = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
    roots.append(Path(django.__file__).parent / "contrib")
    for root in roots:
        yield from root.rglob(f"locale/{language}/LC_MESSAGES/*.po")


def _words(text):
    return {word.lower() for word in WORD.findall(re.sub(r"%\(\w+\)s|\{\w+\}", " ", text))}


@cache
def english_words():
    english = set()
    for path in _catalogues("en"):
        for entry in polib.pofile(str(path)):
            english |= _words(entry.msgid) | _words(entry.msgid_plural or "")
    norwegian = set(ALLOWED)
    paths = [*_catalogues("nb"), *Path(settings.BASE_DIR, "locale").rglob("nb/LC_MESSAGES/*.po")]
    paths.append(Path(django.__file__).parent / "conf/locale/nb/LC_MESSAGES/django.po")
    for path in paths:
        for entry in polib.pofile(str(path)):
            for msgstr in [entry.msgstr, *entry.msgstr_plural.values()]:
                norwegian |= _words(msgstr)
    return english - norwegian


class _ScreenText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.skipping = []
        self.json_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED_TAGS:
            self.skipping.append(tag)
            self.json_script = tag == "script" and attrs.get("type") == "application/json"
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
            self.json_script = False

    def handle_data(self, data):
        if self.json_script:
            self.texts += list(_json_labels(data))
        elif not self.skipping and data.strip():
            self.texts.append(data)


def _json_labels(data):
    try:
        value = json.loads(data)
    except ValueError:
        return
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, item in node.items():
                if key in JSON_LABELS and isinstance(item, str):
                    yield item
                else:
                    stack.append(item)
        elif isinstance(node, list):
            stack += node


def screen_texts(html):
    """The texts a person sees or hears on a screen (HTML), whitespace-normalised."""
    parser = _ScreenText()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts if text.strip()]


def english_texts(html, also_allowed=()):
    """The texts of ``html`` that contain an English word."""
    english = english_words() - {word.lower() for word in also_allowed}
    return sorted({text for text in screen_texts(html) if _words(text) & english})
