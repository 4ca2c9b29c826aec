"""Filters shared by the endpoints, strict about their values (anything invalid is a 400)."""

from django import forms
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters

from core.visibility import public_pages

from .arrays import key_in
from .errors import invalid_parameter
from .search import MAX_QUERY_LENGTH, search_keys

MAX_ID = 2**31 - 1


class IntegerFilter(filters.NumberFilter):
    """A whole number (django-filter's NumberFilter accepts decimals)."""

    field_class = forms.IntegerField


def parse_id(value, parameter="id"):
    """A page id from the URL or a query parameter; anything else is a 400."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise invalid_parameter(
            parameter, _("%(parameter)s must be a whole number.") % {"parameter": parameter}
        ) from None
    if not 1 <= number <= MAX_ID:
        raise invalid_parameter(
            parameter,
            _("%(parameter)s must be between 1 and %(maximum)s.")
            % {"parameter": parameter, "maximum": MAX_ID},
        )
    return number


def id_filter(method, label):
    """A filter taking the id of a page or snippet, handled by ``method``."""
    return IntegerFilter(method=method, min_value=1, max_value=MAX_ID, label=label)


def default_tree_path(model, page_id, parameter, locales):
    """The default-language tree path of the public ``model`` page ``page_id`` (any language)."""
    keys = public_pages(model).filter(pk=page_id).values("translation_key")
    path = (
        public_pages(model)
        .filter(translation_key__in=keys, locale_id=locales.default_id)
        .values_list("path", flat=True)
        .first()
    )
    if path is None:
        raise invalid_parameter(
            parameter,
            _("No public %(parameter)s with id %(id)s.") % {"parameter": parameter, "id": page_id},
        )
    return path


def snippet_key(model, snippet_id, parameter):
    """The translation key of snippet ``snippet_id`` (of any language)."""
    key = model.objects.filter(pk=snippet_id).values_list("translation_key", flat=True).first()
    if key is None:
        raise invalid_parameter(
            parameter,
            _("No %(parameter)s with id %(id)s.") % {"parameter": parameter, "id": snippet_id},
        )
    return key


class PublicFilterSet(filters.FilterSet):
    """Base of the endpoints' filter sets; the queryset holds default-language pages."""

    @property
    def locales(self):
        return self.request.api_locales

    def filter_queryset(self, queryset):
        # An empty value is not a number or a choice: a 400, as for any other invalid value
        # (django-filter would ignore it). Text filters may be empty (no filter).
        for name, field in self.filters.items():
            if self.data.get(name) == "" and not isinstance(field, filters.CharFilter):
                raise invalid_parameter(
                    name, _("%(parameter)s must not be empty.") % {"parameter": name}
                )
        return super().filter_queryset(queryset)

    def filter_below(self, queryset, model, page_id, parameter):
        """Pages below the public ``model`` page ``page_id`` in the default tree."""
        return queryset.filter(
            path__startswith=default_tree_path(model, page_id, parameter, self.locales)
        )


class SearchFilterMixin(PublicFilterSet):
    """``search``: words the page must contain (Wagtail search, at most 200 characters)."""

    search = filters.CharFilter(
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        label=f"Words to search for (at most {MAX_QUERY_LENGTH} characters).",
    )

    def filter_search(self, queryset, name, value: str):
        if not value.strip():
            return queryset
        model = queryset.model
        keys = search_keys(model.objects.all(), value, self.locales, scope=(model,))
        return queryset.filter(key_in(keys))
