"""DRF's representation of an object, with each field's reading worked out once per serializer.

A plan detail serializes a few hundred pages with about twenty fields each. DRF works out for
every object and field how to read the attribute (a generator over the fields, a method field
looked up on its parent again, a field that reads the object itself through the attribute
machinery). :class:`DirectRepresentationMixin` gives the same output, reading each field the way
DRF would but deciding how once per serializer instance (a list serializer's child serves every
object of the list).
"""

from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject


def _same(instance):
    return instance


def _attribute(field):
    """``field.get_attribute`` of a field whose source is one attribute: read directly, and
    through DRF when that would do more (a mapping, a callable, a failing read)."""
    name, through_drf = field.source_attrs[0], field.get_attribute

    def read(instance):
        try:
            value = getattr(instance, name)
        except Exception:
            return through_drf(instance)
        if callable(value) or isinstance(instance, Mapping):
            return through_drf(instance)
        return value

    return read


def _reader(field):
    """``(name, read(instance), represent(attribute))`` of a readable field, as DRF does it."""
    if isinstance(field, serializers.SerializerMethodField):
        return field.field_name, _same, getattr(field.parent, field.method_name)
    if type(field).get_attribute is serializers.Field.get_attribute:
        if field.source == "*":
            return field.field_name, _same, field.to_representation
        if len(field.source_attrs) == 1:
            return field.field_name, _attribute(field), field.to_representation
    return field.field_name, field.get_attribute, field.to_representation


class DirectRepresentationMixin:
    # ``to_representation`` exactly as ``Serializer.to_representation``, faster. (No docstring:
    # drf-spectacular would take it as the description of a serializer without one.)

    def to_representation(self, instance):
        readers = self.__dict__.get("_direct_readers")
        if readers is None:
            readers = self._direct_readers = [_reader(field) for field in self._readable_fields]
        ret = {}
        for name, read, represent in readers:
            try:
                attribute = read(instance)
            except SkipField:
                continue
            check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            ret[name] = None if check_for_none is None else represent(attribute)
        return ret
