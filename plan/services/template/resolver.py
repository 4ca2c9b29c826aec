"""Importing a plan template: find or create what it refers to, and map its rich text.

Snippets are matched by name (goals by number) in the import's first language and created
when missing, with their translations; images and documents are reused when a file with the
same hash exists and downloaded only when asked (``--fetch-media``): from public addresses
only, checked by content (``assets.filetypes``), all of them before any is stored; one that
cannot be fetched or is of the wrong type or size stops the import with nothing written.
"""

import posixpath
from io import BytesIO
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtail.utils.file import hash_filelike

from assets.filetypes import FileTypeError, check_document, image_filename
from cms.fetching import FetchError
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.translation import translate_snippet

from . import refs
from .refs import TemplateWhitelister, escape_html


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
        return soup.decode(formatter=escape_html)

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
        fetched = self._fetch_all(
            [("images", get_image_model()), ("documents", get_document_model())]
        )
        for entry in self.document["images"]:
            found = self._existing(get_image_model(), entry)
            self.objects["image", entry["ref"]] = found or self._save(fetched, "images", entry)
        for entry in self.document["documents"]:
            found = self._existing(get_document_model(), entry)
            found = found or self._save(fetched, "documents", entry)
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

    def _existing(self, model, entry):
        """An image or document with the same file hash as ``entry``, or ``None``."""
        if not entry.get("file_hash"):
            return None
        return model.objects.filter(file_hash=entry["file_hash"]).first()

    def _fetch_all(self, registers):
        """Fetch and check every missing media file before anything is stored.

        Returns {(register, ref): (file name, bytes)}. A URL that may not be fetched, cannot
        be, or gives a file of the wrong type or size raises a ValidationError naming it.
        """
        fetched = {}
        for register, model in registers:
            for index, entry in enumerate(self.document[register]):
                if self._existing(model, entry) is not None:
                    continue
                if not self.fetch_media:
                    self.report.append(
                        _(
                            "Not fetched (choose “Fetch images and documents” or use "
                            "--fetch-media): %(title)s, %(url)s"
                        )
                        % {"title": entry["title"], "url": entry["url"]}
                    )
                    continue
                try:
                    fetched[register, entry["ref"]] = self._fetch(register, entry)
                except (FetchError, FileTypeError) as error:
                    raise ValidationError(
                        f"$.{register}[{index}].url: "
                        + _("cannot fetch %(url)s: %(error)s")
                        % {"url": entry["url"], "error": error}
                    ) from error
        return fetched

    def _fetch(self, register, entry):
        data = refs.fetch_url(entry["url"])
        name = entry.get("filename") or posixpath.basename(urlsplit(entry["url"]).path)
        if register == "images":
            return image_filename(name or "image", data), data
        check_document(name, data)
        return name, data

    def _save(self, fetched, register, entry):
        if (register, entry["ref"]) not in fetched:
            return None
        name, data = fetched[register, entry["ref"]]
        model = get_image_model() if register == "images" else get_document_model()
        obj = model(title=entry["title"], collection=self._collection())
        if register == "images":
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
