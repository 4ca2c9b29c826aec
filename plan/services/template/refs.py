"""How a plan template refers to things outside the plan tree, and its rich text.

Goals travel by number, organisations and target groups by name (with their names in every
locale in the document's registers), images and documents as URL and metadata. Contact
persons, events and resources are left out. Rich text keeps a fixed set of elements; links to
pages inside the plan become ``<a linktype="node" key="…">``, links to other pages their public
URL, document links ``<a linktype="document" ref="document-1">``. This module writes them
(export); ``resolver`` reads them (import).
"""

import posixpath
from collections import Counter
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.translation import ngettext_lazy
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.whitelist import Whitelister, allow_without_attributes, check_url

from cms import fetching
from core.visibility import public_q

MAX_MEDIA_BYTES = 20 * 1024 * 1024
CARRIED = {"organisation", "target_group", "goal", "image"}
#: What is left out of a template, as reported: kind → (singular, plural) with the count.
LEFT_OUT_LABELS = {
    "contact": ngettext_lazy(
        "Left out: %(count)s contact person.", "Left out: %(count)s contact persons.", "count"
    ),
    "event": ngettext_lazy(
        "Left out: %(count)s related event.", "Left out: %(count)s related events.", "count"
    ),
    "resource": ngettext_lazy(
        "Left out: %(count)s related resource.",
        "Left out: %(count)s related resources.",
        "count",
    ),
    "page link": ngettext_lazy(
        "Left out: %(count)s link to an unpublished page.",
        "Left out: %(count)s links to unpublished pages.",
        "count",
    ),
}
FEATURE_ELEMENTS = {
    "h2": ("h2",),
    "h3": ("h3",),
    "h4": ("h4",),
    "bold": ("b", "strong"),
    "italic": ("i", "em"),
    "ol": ("ol", "li"),
    "ul": ("ul", "li"),
    "link": ("a",),
    "document-link": ("a",),
}


def escape_html(text):
    """Escape text for rich text the way the whitelister writes it (quotes as &quot;)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _link_rule(tag):
    """Keep external links and template links (node, document); drop other attributes."""
    attrs = {}
    linktype = tag.get("linktype")
    if linktype == "node" and tag.get("key"):
        attrs = {"linktype": "node", "key": tag["key"]}
    elif linktype == "document" and tag.get("ref"):
        attrs = {"linktype": "document", "ref": tag["ref"]}
    elif not linktype and tag.get("href") and check_url(tag["href"]):
        attrs = {"href": tag["href"]}
    tag.attrs = attrs


class TemplateWhitelister(Whitelister):
    """Wagtail's whitelister with the elements of one set of rich-text features."""

    def __init__(self, features):
        rules = {"[document]": allow_without_attributes, "p": allow_without_attributes}
        rules["br"] = allow_without_attributes
        for feature in features:
            for element in FEATURE_ELEMENTS.get(feature, ()):
                rules[element] = _link_rule if element == "a" else allow_without_attributes
        self.element_rules = rules

    def clean_soup(self, soup):
        """Clean a parsed document in place and return it as a string."""
        self.clean_node(soup, soup)
        return soup.decode(formatter=escape_html)


def absolute_url(url):
    """``url`` made absolute against this install's base URL."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url or "")


def public_url(page):
    """The public URL of a live, unrestricted page, or ``None``."""
    page = Page.objects.filter(public_q(), pk=page.pk).select_related("locale").first()
    if page is None:
        return None
    if settings.FRONTEND_BASE_URL:
        from core.links import page_url

        return page_url(page.locale.language_code, page.url_path)
    return page.get_full_url()


def _names(obj, languages, field):
    translations = {t.locale.language_code: t for t in obj.get_translations(inclusive=True)}
    return {
        lang: getattr(translations[lang], field)
        for lang in languages
        if lang in translations and getattr(translations[lang], field)
    }


class PortableDumper:
    """Writes references as a template does and collects the registers and media."""

    def __init__(self, languages):
        self.languages = languages
        self.organisations = {}
        self.target_groups = {}
        self.goals = {}
        self.images = {}
        self.documents = {}
        self.left_out = Counter()

    def carries(self, kind):
        return kind in CARRIED

    def ref(self, kind, obj):
        if kind == "organisation":
            return self._register(self.organisations, obj, self.organisation)
        if kind == "target_group":
            return self._register(self.target_groups, obj, self.target_group)
        if kind == "goal":
            self.goals.setdefault(obj.number, obj)
            return obj.number
        if kind == "image":
            return self._media(self.images, obj, "image")
        self.left_out[kind] += 1
        return None

    def _register(self, register, obj, entry):
        name = obj.name
        if name not in register:
            register[name] = entry(obj)
        return name

    def _media(self, register, obj, prefix):
        if obj.pk not in register:
            register[obj.pk] = f"{prefix}-{len(register) + 1}"
        return register[obj.pk]

    def organisation(self, obj):
        return {
            "name": _names(obj, self.languages, "name"),
            "short_name": _names(obj, self.languages, "short_name"),
            "kind": obj.kind,
            "website": obj.website,
        }

    def target_group(self, obj):
        return {
            "name": _names(obj, self.languages, "name"),
            "description": _names(obj, self.languages, "description"),
        }

    def rich_text(self, html, features):
        soup = BeautifulSoup(html or "", "html.parser")
        for tag in soup.find_all("a"):
            linktype = tag.get("linktype")
            if linktype == "page":
                page = Page.objects.filter(pk=_int(tag.get("id"))).first()
                url = page and public_url(page)
                if url:
                    tag.attrs = {"href": url}
                else:
                    self.left_out["page link"] += 1
                    tag.unwrap()
            elif linktype == "document":
                document = get_document_model().objects.filter(pk=_int(tag.get("id"))).first()
                if document:
                    tag.attrs = {
                        "linktype": "document",
                        "ref": self._media(self.documents, document, "document"),
                    }
                else:
                    tag.unwrap()
        return TemplateWhitelister(features).clean_soup(soup)

    def registers(self):
        """The registers and media of the document, in order of first use."""
        goals = [
            {
                "number": number,
                "title": _names(goal, self.languages, "title"),
                "description": _names(goal, self.languages, "description"),
            }
            for number, goal in sorted(self.goals.items())
        ]
        images = get_image_model().objects.in_bulk(self.images)
        documents = get_document_model().objects.in_bulk(self.documents)
        return {
            "organisations": list(self.organisations.values()),
            "target_groups": list(self.target_groups.values()),
            "goals": goals,
            "images": [_image_entry(images[pk], ref) for pk, ref in self.images.items()],
            "documents": [
                _document_entry(documents[pk], ref) for pk, ref in self.documents.items()
            ],
        }

    def report(self):
        """What was left out of the document, one line per kind."""
        return [
            LEFT_OUT_LABELS[kind] % {"count": count}
            for kind, count in sorted(self.left_out.items())
        ]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _image_entry(image, ref):
    return {
        "ref": ref,
        "url": absolute_url(image.file.url),
        "filename": posixpath.basename(image.file.name),
        "title": image.title,
        "alt": image.description,
        "credit": getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "file_hash": _file_hash(image),
    }


def _document_entry(document, ref):
    return {
        "ref": ref,
        "url": absolute_url(document.url),
        "filename": posixpath.basename(document.file.name),
        "title": document.title,
        "file_hash": _file_hash(document),
    }


def _file_hash(obj):
    """The hash of an image or document file (Wagtail stores it when it was missing)."""
    try:
        return obj.get_file_hash()
    except OSError:
        return ""


def fetch_url(url, max_bytes=MAX_MEDIA_BYTES):
    """The bytes at a public http(s) ``url``, at most ``max_bytes``; raises FetchError."""
    return fetching.fetch_url(url, max_bytes)
