"""Conditions on a list of values sent to PostgreSQL as one array parameter.

Django's ``__in`` prepares every value and writes a placeholder for each; for the few hundred
page ids of a plan's rows or the thousands of translation keys of a search's hits, that costs
more than running the query. ``field = ANY(%s)`` sends the list as one array. Other databases
(SQLite) get ``__in``.
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


def one_of(field, values, array_type):
    """A condition: ``field`` is one of ``values``, which PostgreSQL reads as ``array_type``."""
    values = list(values)
    if connection.vendor == "postgresql":
        return _AnyOf(F(field), values, array_type)
    return Q(**{f"{field}__in": values})


def id_in(field, ids):
    """A condition: ``field`` is one of the integers ``ids``."""
    return one_of(field, [int(value) for value in ids], "bigint")


def key_in(keys, field="translation_key"):
    """A condition: ``field`` (a UUID, by default the page's translation key) is one of
    ``keys``."""
    return one_of(field, keys, "uuid")
