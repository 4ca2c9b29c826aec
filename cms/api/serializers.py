"""Serializer fields and base serializers shared by the endpoints of every app.

Fields that need data from other rows (page references, rich text, images, documents,
translations) emit markers from :mod:`cms.api.deferred`; the documentation-only serializers
below describe what the markers become, so the OpenAPI schema is fully typed.
"""

from django.db import models
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import Page

from core.languages import content_languages, default_language
from core.visibility import public_pages

from . import deferred
from .context import api_of
from .direct import DirectRepresentationMixin
from .labels import label_in
from .types import type_name_for_model

STEPLEN = Page.steplen

# --- Inline rows ---------------------------------------------------------------------------


def rows_prefetch(relation, queryset):
    """Prefetch the inline rows ``relation`` into a plain list (``api_<relation>``).

    A list avoids Django building a queryset per object for the prefetch cache, which is most
    of the cost of serializing hundreds of measures. :func:`related_rows` reads it.
    """
    return Prefetch(relation, queryset=queryset, to_attr=f"api_{relation}")


def related_rows(obj, relation):
    """The rows of ``relation``: the prefetched list, or the relation itself (e.g. in a
    preview, where the rows live in memory)."""
    rows = getattr(obj, f"api_{relation}", None)
    return rows if rows is not None else getattr(obj, relation).all()


class RowsListSerializer(serializers.ListSerializer):
    """A nested ``many=True`` serializer of inline rows that reads :func:`related_rows`."""

    def get_attribute(self, instance):
        return related_rows(instance, self.source)


class ChildrenListSerializer(serializers.ListSerializer):
    """A nested ``many=True`` serializer of the child pages the view loaded for the page
    (``ApiContext.children``, see :func:`cms.api.views.attach_children`)."""

    def get_attribute(self, instance):
        return self.context["api"].children_of(instance)


def children_field(serializer_class, **kwargs):
    """The page's child pages that the view loaded, each shown with ``serializer_class``."""
    return ChildrenListSerializer(child=serializer_class(), read_only=True, **kwargs)


class RelatedListField(serializers.ListField):
    """The objects an inline relation's rows point at, e.g. the target groups of a measure."""

    def __init__(self, child, relation, attribute, **kwargs):
        super().__init__(child=child, source=relation, read_only=True, **kwargs)
        self.attribute = attribute

    def bind(self, field_name, parent):
        if self.source == field_name:  # DRF rejects a source that repeats the field name
            self.source = None
        super().bind(field_name, parent)

    def get_attribute(self, instance):
        return related_rows(instance, self.source)

    def to_representation(self, rows):
        return [self.child.to_representation(getattr(row, self.attribute)) for row in rows]


# --- What the markers become (documentation only) -----------------------------------------


class TranslationLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField(help_text="The public website URL of the translation.")


class PageRefSerializer(serializers.Serializer):
    """A short reference to another public page, in the requested language when translated."""

    id = serializers.IntegerField()
    key = serializers.UUIDField()
    type = serializers.CharField()
    type_label = serializers.CharField(help_text="The label of the type, e.g. “Tiltak”.")
    locale = serializers.ChoiceField(choices=content_languages())
    fallback = serializers.BooleanField()
    title = serializers.CharField()
    url = serializers.CharField()


class RenditionSerializer(serializers.Serializer):
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField(
        help_text="Text alternative for the image, in the requested language where translated."
    )
    alt_fallback = serializers.BooleanField(
        help_text="True when the alt text is not translated and shown in the default language."
    )
    credit = serializers.CharField(help_text='Credit line, e.g. "Foto: Norsk kulturskoleråd".')
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = serializers.DictField(
        child=RenditionSerializer(),
        help_text="Resized copies by name (see API_IMAGE_RENDITIONS), e.g. small, medium, large.",
    )


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="Download URL.")
    filename = serializers.CharField()
    file_extension = serializers.CharField()
    file_size = serializers.IntegerField(allow_null=True, help_text="Size in bytes, if known.")


# --- Fields ---------------------------------------------------------------------------------


class _ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class _NullableField(_ReadOnlyField):
    """A reference that is null when its target is missing or not public."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)


@extend_schema_field({"type": "string", "format": "html"})
class RichTextField(_ReadOnlyField):
    """Rich text as HTML with links resolved to website and download URLs."""

    def to_representation(self, value):
        html = getattr(value, "source", value)  # RichText values from StreamField blocks
        return deferred.RichText(html) if html else ""


@extend_schema_field(PageRefSerializer)
class PageRefField(_NullableField):
    """A page id (of any language) shown as a reference in the requested language."""

    def to_representation(self, value):
        return deferred.PageRef(page_id=getattr(value, "pk", value))


@extend_schema_field(PageRefSerializer)
class AncestorRefField(_NullableField):
    """A reference to the ancestor at ``depth`` of the page in the default tree."""

    def __init__(self, depth, **kwargs):
        self.depth = depth
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, page):
        path = getattr(page, "tree_path", None) or page.path
        if not path or len(path) <= self.depth * STEPLEN - STEPLEN:
            return None
        return deferred.PageRef(path=path[: self.depth * STEPLEN])


def _translated_request(context):
    api = context.get("api")
    return api is not None and api.language != default_language()


def localized_alt(obj, name, api):
    """The alt text ``name`` of ``obj`` and whether it is a default-language fallback.

    Empty means the image's own alt text (written in the default language). In another
    language the text is a fallback when ``obj`` itself is (an untranslated page or snippet),
    when it is empty, or when it is the default-language text unchanged (a string left
    untranslated in wagtail-localize's editor is published as the source text).
    """
    own = getattr(obj, name, "") or ""
    if api is None or api.language == default_language():
        return own, False
    if api.is_fallback(obj) or not own:
        return own, True
    default_text = getattr(obj, "api_default_texts", {}).get(name)
    return own, own == default_text


@extend_schema_field(ImageSerializer)
class ImageField(_NullableField):
    """An image id shown with its renditions, alt text and credit.

    The alt text is the image's own (from the image library, in the default language).
    """

    def to_representation(self, value):
        return deferred.ImageRef(
            getattr(value, "pk", value), alt_fallback=_translated_request(self.context)
        )


@extend_schema_field(ImageSerializer)
class LocalizedImageField(_NullableField):
    """An image with the alt text its page or snippet gives it in its own language.

    ``image`` names the image's id attribute, ``alt`` the translatable alt text field; an empty
    alt text falls back to the image's own.
    """

    def __init__(self, image, alt, **kwargs):
        self.image_attribute, self.alt_attribute = image, alt
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def image_id(self, obj):
        return getattr(obj, self.image_attribute)

    def to_representation(self, obj):
        image_id = self.image_id(obj)
        if image_id is None:
            return None
        alt, fallback = localized_alt(obj, self.alt_attribute, api_of(self))
        return deferred.ImageRef(image_id, alt=alt, alt_fallback=fallback)


@extend_schema_field(DocumentSerializer)
class DocumentField(_NullableField):
    """A document id shown with its download URL."""

    def to_representation(self, value):
        return deferred.DocumentRef(getattr(value, "pk", value))


@extend_schema_field(serializers.DictField(child=TranslationLinkSerializer()))
class TranslationsField(_ReadOnlyField):
    """The public translations of a page: language code → id and URL."""

    def __init__(self, **kwargs):
        kwargs["source"] = "translation_key"
        super().__init__(**kwargs)

    def to_representation(self, value):
        return deferred.Translations(value)


def child_refs(path, locales):
    """References to the public children of the default-language page at ``path``, in order."""
    rows = (
        public_pages()
        .filter(locale_id=locales.default_id, path__startswith=path, depth=len(path) // STEPLEN + 1)
        .order_by("path")
        .values_list("path", flat=True)
    )
    return [deferred.PageRef(path=child) for child in rows]


@extend_schema_field(PageRefSerializer(many=True))
class ChildrenField(_ReadOnlyField):
    """The public children of the page, in the default tree's order (one query)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs.setdefault("help_text", "The public pages below this one, in order.")
        super().__init__(**kwargs)

    def to_representation(self, page):
        path = getattr(page, "tree_path", None) or page.path
        return child_refs(path, self.context["api"].locales) if path else []


def type_field(name):
    """A field that always says ``name``: the object's API type, e.g. "plan"."""

    @extend_schema_field({"type": "string", "enum": [name]})
    class TypeField(_ReadOnlyField):
        def __init__(self):
            super().__init__(source="*")

        def to_representation(self, value):
            return name

    return TypeField()


class DateTimeField(serializers.DateTimeField):
    """DRF's, with the current time zone looked up once per field (a page serializer's field
    serves one response, whose time zone does not change), not once per value."""

    def default_timezone(self):
        try:
            return self.__dict__["_default_timezone"]
        except KeyError:
            zone = self.__dict__["_default_timezone"] = super().default_timezone()
            return zone


# --- Base serializers -------------------------------------------------------------------------


class PageSerializer(DirectRepresentationMixin, serializers.ModelSerializer):
    """What every page object carries: identity, language, URLs and title."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: DateTimeField,
    }

    id = serializers.IntegerField(source="pk", read_only=True)
    key = serializers.UUIDField(
        source="translation_key",
        read_only=True,
        help_text="The translation key: the same for every translation of the page.",
    )
    type = serializers.SerializerMethodField()
    type_label = serializers.SerializerMethodField(
        help_text="The label of the type in the response language, e.g. “Tiltak”."
    )
    locale = serializers.SerializerMethodField()
    fallback = serializers.SerializerMethodField(
        help_text="True when the page is not translated into the requested language and is "
        "shown in the default language instead."
    )
    url = serializers.SerializerMethodField(help_text="The page's public website URL.")
    translations = TranslationsField()

    class Meta:
        model = Page
        fields = [
            "id",
            "key",
            "type",
            "type_label",
            "locale",
            "fallback",
            "unofficial_translation",
            "url",
            "translations",
            "title",
            "last_published_at",
        ]
        extra_kwargs = {
            "unofficial_translation": {
                "help_text": "True when the text is a working translation not yet approved."
            }
        }

    def get_type(self, obj) -> str:
        return type_name_for_model(type(obj))

    def get_type_label(self, obj) -> str:
        return label_in(api_of(self), "page_type", type_name_for_model(type(obj)))

    @extend_schema_field(serializers.ChoiceField(choices=content_languages()))
    def get_locale(self, obj):
        return api_of(self).language_of(obj)

    def get_fallback(self, obj) -> bool:
        return api_of(self).is_fallback(obj)

    def get_url(self, obj) -> str:
        return api_of(self).url(obj)


def page_fields(*fields):
    """The base page fields followed by ``fields``."""
    return [*PageSerializer.Meta.fields, *fields]
