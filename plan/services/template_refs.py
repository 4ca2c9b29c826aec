"""How a plan template refers to things outside the plan tree, and its rich text.

Goals travel by number, organisations and target groups by name (with their names in every
locale in the document's registers), images and documents as URL and metadata. Contact
persons, events and resources are left out. Rich text keeps a fixed set of elements; links to
pages inside the plan become ``<a linktype="node" key="…">``, links to other pages their public
URL, document links ``<a linktype="document" ref="document-1">``.
"""

import posixpath
import urllib.request
from collections import Counter
from io import BytesIO
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.utils.file import hash_filelike
from wagtail.whitelist import Whitelister, allow_without_attributes, check_url

from cms.api.visibility import public_q
from plan.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from plan.services.translation import translate_snippet

MAX_MEDIA_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 30
CARRIED = {"organisation", "target_group", "goal", "image"}
#: What is left out of a template, as reported: kind → (singular, plural) with the count.
LEFT_OUT_LABELS = {
    "contact": ("Left out: %(count)s contact person.", "Left out: %(count)s contact persons."),
    "event": ("Left out: %(count)s related event.", "Left out: %(count)s related events."),
    "resource": (
        "Left out: %(count)s related resource.",
        "Left out: %(count)s related resources.",
    ),
    "page link": (
        "Left out: %(count)s link to an unpublished page.",
        "Left out: %(count)s links to unpublished pages.",
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


def _escape(text):
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
        return soup.decode(formatter=_escape)


def clean_rich_text(html, features):
    """``html`` with only the elements ``features`` allow and only template links."""
    return TemplateWhitelister(features).clean_soup(BeautifulSoup(html or "", "html.parser"))


def absolute_url(url):
    """``url`` made absolute against this install's base URL."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url or "")


def public_url(page):
    """The public URL of a live, unrestricted page, or ``None``."""
    page = Page.objects.filter(public_q(), pk=page.pk).select_related("locale").first()
    if page is None:
        return None
    if settings.FRONTEND_BASE_URL:
        from cms.api.links import page_url

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
            ngettext(*LEFT_OUT_LABELS[kind], count) % {"count": count}
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


# --- Importing ----------------------------------------------------------------------------


def fetch_url(url, max_bytes=MAX_MEDIA_BYTES):
    """The bytes at an http(s) ``url``, at most ``max_bytes``; raises OSError or ValueError."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(_("only http and https URLs can be fetched"))
    request = urllib.request.Request(url, headers={"User-Agent": "handlingsplan-cms"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
        data = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(_("larger than %(mb)s MB") % {"mb": max_bytes // (1024 * 1024)})
    return data


class PortableResolver:
    """Finds or creates what a template refers to, in the import's languages.

    ``prepare()`` does the writing (snippets created when missing, media fetched when
    ``fetch_media``) and is called inside the import's transaction; ``report`` says what it did.
    """

    def __init__(self, document, languages, collection_name="", fetch_media=False):
        self.document = document
        self.languages = languages
        self.locales = {lang: Locale.objects.get(language_code=lang) for lang in languages}
        self.collection_name = collection_name
        self.fetch_media = fetch_media
        self.report = []
        self.objects = {}
        self.documents = {}

    def resolve(self, kind, value):
        return self.objects.get((kind, value))

    def rich_text(self, html, features):
        soup = BeautifulSoup(html or "", "html.parser")
        TemplateWhitelister(features).clean_node(soup, soup)
        for tag in soup.find_all("a", attrs={"linktype": "document"}):
            document = self.documents.get(tag.get("ref"))
            if isinstance(document, str):
                tag.attrs = {"href": document}
            elif document is not None:
                tag.attrs = {"linktype": "document", "id": str(document.pk)}
            else:
                tag.unwrap()
        return soup.decode(formatter=_escape)

    def prepare(self):
        """Find or create every snippet and media file of the document."""
        for register, find_or_create in (
            ("organisations", self._organisation),
            ("target_groups", self._target_group),
            ("goals", self._goal),
        ):
            for index, entry in enumerate(self.document[register]):
                try:
                    find_or_create(entry)
                except ValidationError as error:
                    raise ValidationError(
                        [f"$.{register}[{index}]: {message}" for message in error.messages]
                    ) from error
        for entry in self.document["images"]:
            self.objects["image", entry["ref"]] = self._media(get_image_model(), entry)
        for entry in self.document["documents"]:
            found = self._media(get_document_model(), entry)
            self.documents[entry["ref"]] = found or entry["url"]

    def _primary_value(self, names):
        return names.get(self.languages[0]) or next(iter(names.values()))

    def _values(self, entry, fields, lang):
        values = {}
        for name in fields:
            texts = entry.get(name, {})
            values[name] = texts.get(lang, texts.get(self.languages[0], "")) if texts else ""
        return values

    def _organisation(self, entry):
        shared = {"kind": entry.get("kind", ""), "website": entry.get("website", "")}
        fields = ("name", "short_name")
        self._snippet("organisation", Organisation, entry, "name", fields, shared)

    def _target_group(self, entry):
        self._snippet("target_group", TargetGroup, entry, "name", ("name", "description"))

    def _snippet(self, kind, model, entry, key_field, fields, shared=None):
        primary = self.locales[self.languages[0]]
        name = self._primary_value(entry[key_field])
        obj = model.objects.filter(locale=primary, **{key_field: name}).first()
        if obj is None:
            obj = model(locale=primary, **self._values(entry, fields, self.languages[0]))
            setattr(obj, key_field, name)
            for field, value in (shared or {}).items():
                setattr(obj, field, value)
            obj.full_clean()
            obj.save()
            self.report.append(
                _("Created %(what)s “%(name)s”.") % {"what": model._meta.verbose_name, "name": name}
            )
        self._translations(obj, entry, fields)
        self.objects[kind, self._doc_name(entry[key_field])] = obj

    def _doc_name(self, names):
        """How the document's nodes refer to an entry: its name in the document's first locale."""
        return names.get(self.document["locales"][0]) or next(iter(names.values()))

    def _translations(self, obj, entry, fields):
        for lang in self.languages[1:]:
            if obj.get_translation_or_none(self.locales[lang]) is None:
                try:
                    translate_snippet(obj, self.locales[lang], **self._values(entry, fields, lang))
                except ValidationError as error:
                    raise ValidationError(
                        _("“%(name)s” cannot be added in %(language)s: %(error)s")
                        % {"name": obj, "language": lang, "error": " ".join(error.messages)}
                    ) from error
                self.report.append(
                    _("Created the %(language)s translation of %(what)s “%(name)s”.")
                    % {"language": lang, "what": obj._meta.verbose_name, "name": str(obj)}
                )

    def _goal(self, entry):
        primary = self.locales[self.languages[0]]
        goal = SustainableDevelopmentGoal.objects.filter(
            locale=primary, number=entry["number"]
        ).first()
        if goal is None:
            goal = SustainableDevelopmentGoal(
                locale=primary,
                number=entry["number"],
                **self._values(entry, ("title", "description"), self.languages[0]),
            )
            goal.full_clean()
            goal.save()
            self.report.append(_("Created goal %(goal)s.") % {"goal": goal})
        self._translations(goal, entry, ("title", "description"))
        self.objects["goal", entry["number"]] = goal

    def _media(self, model, entry):
        """An existing file with the same hash, a fetched one, or ``None`` (reported)."""
        if entry.get("file_hash"):
            found = model.objects.filter(file_hash=entry["file_hash"]).first()
            if found is not None:
                return found
        if not self.fetch_media:
            self.report.append(
                _("Not fetched (use --fetch-media): %(title)s, %(url)s")
                % {"title": entry["title"], "url": entry["url"]}
            )
            return None
        try:
            data = fetch_url(entry["url"])
        except (OSError, ValueError) as error:
            self.report.append(
                _("Could not fetch %(url)s: %(error)s") % {"url": entry["url"], "error": error}
            )
            return None
        return self._save_media(model, entry, data)

    def _save_media(self, model, entry, data):
        name = entry.get("filename") or posixpath.basename(entry["url"]) or "file"
        obj = model(title=entry["title"], collection=self._collection())
        if model is get_image_model():
            try:
                PILImage.open(BytesIO(data)).verify()
            except Exception:  # Pillow raises many kinds of errors for a broken image.
                self.report.append(_("Not an image: %(url)s") % {"url": entry["url"]})
                return None
            obj.file = ImageFile(BytesIO(data), name=name)
            obj.description = entry.get("alt", "")
            if hasattr(obj, "credit"):
                obj.credit = entry.get("credit", "")
        else:
            obj.file = ContentFile(data, name=name)
        obj.file_size = len(data)
        obj.file_hash = hash_filelike(BytesIO(data))
        obj.save()
        self.report.append(_("Fetched %(url)s.") % {"url": entry["url"]})
        return obj

    def _collection(self):
        root = Collection.get_first_root_node()
        return root.get_children().filter(name=self.collection_name).first() or root
