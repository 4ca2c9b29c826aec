"""Conditions on a list of values sent to PostgreSQL as one array parameter.

Django's ``__in`` prepares every value and writes a placeholder for each; for the few hundred
page ids of a plan's rows or the thousands of translation keys of a search's hits, that costs
more than running the query. ``field = ANY(%s)`` sends the list as one array. Other databases
(SQLite) get ``__in``.

The same goes for a subquery: ``field IN (SELECT …)`` lets PostgreSQL hash every row of the
outer table that passes its other conditions (every public measure of a language) before
joining them to the few the subquery selects; ``field = ANY(ARRAY(SELECT …))`` runs the
subquery once and looks its values up in the index on ``field`` (:func:`in_subquery`).
"""

from django.db import connection
from django.db.models import F, Lookup, Q


class _AnyOf(Lookup):
    """``lhs = ANY(%s::<type>[])`` with the values as one array parameter (PostgreSQL)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def __init__(self, lhs, rhs, array_type):
        self.array_type = array_type
        super().__init__(lhs, rhs)

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::{self.array_type}[])", [*params, list(self.rhs)]


class _AnyOfSubquery(Lookup):
    """``lhs = ANY(ARRAY(SELECT …))`` (PostgreSQL): the subquery runs once, as an init plan."""

    lookup_name = "any_of_subquery"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)  # "(SELECT …)"
        return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]


def one_of(field, values, array_type):
    """A condition: ``field`` is one of ``values``, which PostgreSQL reads as ``array_type``."""
    values = list(values)
    if connection.vendor == "postgresql":
        return _AnyOf(F(field), values, array_type)
    return Q(**{f"{field}__in": values})


def in_subquery(field, queryset):
    """A condition: ``field`` is one of the values of ``queryset`` (one column, e.g.
    ``pages.values("translation_key")``), looked up in an index on ``field`` on PostgreSQL."""
    queryset = queryset.order_by()
    if connection.vendor == "postgresql":
        return _AnyOfSubquery(F(field), queryset)
    return Q(**{f"{field}__in": queryset})


def id_in(field, ids):
    """A condition: ``field`` is one of the integers ``ids``."""
    return one_of(field, [int(value) for value in ids], "bigint")


def key_in(keys, field="translation_key"):
    """A condition: ``field`` (a UUID, by default the page's translation key) is one of
    ``keys``."""
    return one_of(field, keys, "uuid")
