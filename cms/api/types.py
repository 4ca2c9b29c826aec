"""The API's names for page types ("plan", "measure", ...) and the views that serve them."""

from django.contrib.contenttypes.models import ContentType

_TYPE_NAMES = {}
_VIEWSETS = {}
_REGISTRATIONS = [0]


def register_page_type(model, type_name, viewset=None):
    """Give ``model`` its API type name and, when it has one, the viewset of its endpoint.

    The viewset is used by the resolve and preview endpoints to render an object in the same
    shape as its own endpoint.
    """
    _TYPE_NAMES[model] = type_name
    _REGISTRATIONS[0] += 1
    if viewset is not None:
        _VIEWSETS[model] = viewset


def type_name_for_model(model):
    for candidate in model.__mro__:
        if candidate in _TYPE_NAMES:
            return _TYPE_NAMES[candidate]
    return "page"


def type_name_for_content_type(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return type_name_for_model(model) if model else "page"


def type_names():
    """Every registered type name, in registration order."""
    return list(dict.fromkeys(_TYPE_NAMES.values()))


def viewset_for_model(model):
    return _VIEWSETS.get(model)


def registered_models():
    return list(_TYPE_NAMES)


def registrations():
    """How many times a page type was registered: what is derived from the registered types
    (e.g. their labels) is valid while this stays the same."""
    return _REGISTRATIONS[0]
