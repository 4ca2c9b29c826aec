"""Labels of coded values: every code in the API comes with its label in the response language.

Objects carry ``<field>_label`` next to each coded ``<field>`` (e.g. ``status`` and
``status_label``); ``GET /api/v1/`` lists every code with its labels in every content language.
Apps register their code lists with :func:`register_codes`.
"""

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .context import api_of
from .language import text_language
from .locales import content_languages
from .types import registered_models, registrations, type_name_for_model

_CODES = {}
#: The labels of each code list by language, ``{(language, name): {code: label}}``, for as
#: long as the registered page types stay the same (a response shows thousands of labels).
_LABELS = {}
_labels_of_types = [-1]  # the page types' registrations() the labels were made for


def register_codes(name, choices):
    """Register the code list ``name`` (e.g. "measure_status") as ``(code, label)`` pairs; a
    callable is called when the list is shown."""
    _CODES[name] = choices
    _LABELS.clear()


def _choices(name):
    choices = _CODES[name]
    return list(choices() if callable(choices) else choices)


def labels_of(name):
    """The labels of the code list ``name`` in the active language, ``{code: label}``."""
    if registrations() != _labels_of_types[0]:
        _LABELS.clear()
        _labels_of_types[0] = registrations()
    key = (translation.get_language(), name)
    labels = _LABELS.get(key)
    if labels is None:
        labels = _LABELS[key] = {}
        for value, label in _choices(name):
            labels.setdefault(value, str(label))
    return labels


def label_of(name, code):
    """The label of ``code`` in the code list ``name``, in the active language ("" if none)."""
    return labels_of(name).get(code, "")


def label_in(api, name, code):
    """:func:`label_of` through the response's :class:`~cms.api.context.ApiContext` when there
    is one (which looks the active language up once per code list, not per label)."""
    return api.label(name, code) if api is not None else label_of(name, code)


def every_code():
    """``{name: [{"code", "labels": {language: label}}]}`` for the index endpoint."""
    result = {}
    for name in sorted(_CODES):
        entries = []
        for code, label in _choices(name):
            labels = {}
            for language in content_languages():
                with translation.override(text_language(language)):
                    labels[language] = str(label)
            entries.append({"code": code, "labels": labels})
        result[name] = entries
    return result


def _page_types():
    types = {}
    for model in registered_models():
        types.setdefault(type_name_for_model(model), model._meta.verbose_name)
    return list(types.items())


def _locales():
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return [(code, names[code]) for code in content_languages()]


register_codes("page_type", _page_types)
register_codes("locale", _locales)


@extend_schema_field(
    {"type": "string", "description": "The label of the code next to it, in the response language."}
)
class LabelField(serializers.Field):
    """The label of the coded value at ``source`` from the code list ``codes``."""

    def __init__(self, codes, **kwargs):
        self.codes = codes
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return label_in(api_of(self), self.codes, value)


class CodeSerializer(serializers.Serializer):
    code = serializers.CharField()
    labels = serializers.DictField(
        child=serializers.CharField(), help_text="The label in every content language."
    )
