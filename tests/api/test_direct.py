"""Shortcuts of the serializers (``cms.api.direct``, labels through the API context): the same
values as DRF and ``label_of`` give."""

import datetime

import pytest
from django.utils import timezone, translation
from rest_framework import serializers

from cms.api.context import ApiContext
from cms.api.direct import DirectRepresentationMixin
from cms.api.labels import label_of
from cms.api.locales import Locales
from cms.api.serializers import DateTimeField


class Plain(serializers.Serializer):
    title = serializers.CharField()
    number = serializers.IntegerField(source="count", required=False)
    missing = serializers.CharField(required=False)
    nullable = serializers.CharField(allow_null=True)


class Direct(DirectRepresentationMixin, Plain):
    pass


class Thing:
    title = "Tittel"
    nullable = "x"

    def count(self):  # DRF calls a method it reads
        return 3


@pytest.mark.parametrize(
    "instance",
    [Thing(), {"title": "Tittel", "count": 2, "nullable": None}, {"title": "Tittel"}],
    ids=["object", "mapping", "mapping without optional keys"],
)
def test_direct_reading_gives_what_drf_gives(instance):
    assert Direct(instance).data == Plain(instance).data


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_labels_through_the_context_are_label_of(language):
    codes = [("locale", "en"), ("locale", "nonsense"), ("page_type", "plan")]
    with translation.override(language):
        api = ApiContext(Locales(language))
        assert [api.label(name, code) for name, code in codes] == [
            label_of(name, code) for name, code in codes
        ]


def test_date_time_field_gives_what_drf_gives():
    value = timezone.make_aware(datetime.datetime(2025, 6, 1, 12, 30), datetime.UTC)
    field = DateTimeField()
    assert field.to_representation(value) == serializers.DateTimeField().to_representation(value)
    with timezone.override("America/New_York"):
        assert DateTimeField().to_representation(value) == (
            serializers.DateTimeField().to_representation(value)
        )
