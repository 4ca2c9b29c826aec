"""Filters by county branch, used by the plan, resource and event endpoints."""

from django import forms
from django.core.validators import validate_unicode_slug
from django_filters import rest_framework as filters

from cms.api.errors import invalid_parameter
from cms.api.filters import PublicFilterSet
from core.visibility import public_pages
from home.models import BranchPage


class BranchFilterMixin(PublicFilterSet):
    """``branch``: the slug of a public county branch."""

    branch = filters.CharFilter(
        method="filter_branch", max_length=255, label="Slug of a county branch, e.g. nordland."
    )

    def filter_branch(self, queryset, name, value: str):
        try:
            validate_unicode_slug(value)
        except forms.ValidationError:
            raise invalid_parameter("branch", "branch must be a slug.") from None
        path = (
            public_pages(BranchPage)
            .filter(slug=value, locale_id=self.locales.default_id)
            .values_list("path", flat=True)
            .first()
        )
        if path is None:
            raise invalid_parameter("branch", f"No public county branch {value!r}.")
        return queryset.filter(path__startswith=path)
