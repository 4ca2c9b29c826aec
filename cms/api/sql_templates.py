"""SQL built once per process from a queryset and run again with new values.

Building a queryset with the public-page rule or a search's match conditions through the ORM
costs more than running it (milliseconds of Python for a sub-millisecond query). A
:class:`SqlTemplate` compiles its queryset once per database vendor with :class:`Slot`
parameters where the values of one query go (lists as one array or JSON parameter, the time
of the public-page rule, a word), and fills them in for each run.
"""

import json
from uuid import UUID

from django.db import connection
from django.db.models import BooleanField, Lookup
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators
from django.utils import timezone

#: A column that is one of a list's items: one array parameter on PostgreSQL (which the
#: planner reads like a list of values and can look up in an index), a JSON one elsewhere.
_ONE_OF_SQL = {
    "postgresql": "{column} = ANY(%s::{kind}[])",
    "default": "{column} IN (SELECT value FROM json_each(%s))",
}


#: The items of a list parameter with their positions, as rows ``(position, item)``.
_NUMBERED_SQL = {
    "postgresql": (
        "SELECT w.position, w.item FROM unnest(%s::{kind}[]) WITH ORDINALITY w(item, position)"
    ),
    "default": "SELECT key AS position, value AS item FROM json_each(%s)",
}


class Slot:
    """A parameter of a :class:`SqlTemplate` filled in for each run: ``name`` is the keyword
    of :meth:`SqlTemplate.params`; ``kind`` the SQL type of a list's items, or ``prefix`` for
    the start of a string (:class:`StartsWith`)."""

    __slots__ = ("name", "kind")

    def __init__(self, name, kind=None):
        self.name, self.kind = name, kind

    def value(self, values):
        value = values[self.name]
        if self.kind is None:
            return value
        if self.kind == "prefix":  # the LIKE pattern of Django's startswith
            return connection.ops.prep_for_like_query(value) + "%"
        if connection.vendor == "postgresql":  # an array literal: quicker to send than a list
            return "{" + ",".join(map(str, value)) + "}"
        return json.dumps([item.hex if isinstance(item, UUID) else item for item in value])


def one_of(model, field_name, name, kind):
    """A condition: the field ``field_name`` of ``model`` (the queryset's own table) is one of
    the items of the list ``name`` (``kind`` ``uuid`` or ``int``), passed as one parameter."""
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(field_name).column)}"
    sql = _ONE_OF_SQL.get(connection.vendor, _ONE_OF_SQL["default"])
    return RawSQL(
        sql.format(column=column, kind=kind), [Slot(name, kind)], output_field=BooleanField()
    )


def numbered(name, kind):
    """``(sql, params)`` of the rows ``(position, item)`` of the list ``name``, in order."""
    sql = _NUMBERED_SQL.get(connection.vendor, _NUMBERED_SQL["default"])
    return sql.format(kind=kind), [Slot(name, kind)]


def with_word(param, placeholder, word):
    """``param`` of SQL built for the word ``placeholder``, for ``word``: the word itself, a
    full-text lexeme (``'word'``, quoted as Wagtail's PostgreSQL backend quotes it) or a
    ``LIKE`` pattern (wildcards escaped as Django does); other parameters stay."""
    if not isinstance(param, str) or placeholder not in param:
        return param
    if param == placeholder:
        return word
    if param == f"'{placeholder}'":
        return "'{}'".format(word.replace("'", "''").replace("\\", "\\\\"))
    return param.replace(placeholder, connection.ops.prep_for_like_query(word))


class _WordParam:
    """A parameter made of the searched word (see :func:`with_word`)."""

    __slots__ = ("template", "placeholder")

    def __init__(self, template, placeholder):
        self.template, self.placeholder = template, placeholder

    def value(self, values):
        return with_word(self.template, self.placeholder, values["word"])


def slot(name):
    """The value ``name`` as a parameter, e.g. in ``filter(depth=slot("depth"))``."""
    return RawSQL("%s", [Slot(name)])


def now_slot():
    """The current time as a parameter (the ``now`` of ``core.visibility.public_q``)."""
    return slot("now")


class StartsWith(Lookup):
    """``StartsWith(F(field), "name")``: the field starts with the string ``name``, as
    Django's ``startswith`` writes it (a ``LIKE`` the database looks up in an index)."""

    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        lhs = connection.ops.lookup_cast("startswith") % lhs
        return f"{lhs} {connection.operators['startswith'] % '%s'}", [
            *params,
            Slot(self.rhs, "prefix"),
        ]


class SqlTemplate:
    """``(sql, params)`` of ``build()`` (a queryset using slots, or SQL and parameters put
    together from compiled querysets), compiled on first use per database vendor;
    :meth:`params` fills in the slots (and the current time).

    With ``word``, ``build`` searches for that placeholder word, and every parameter made of it
    (the word, its ``LIKE`` pattern, its full-text lexeme) is made of the searched word of each
    run instead (:func:`with_word`).
    """

    def __init__(self, build, word=None):
        self.build, self.word = build, word
        self._compiled = {}
        self._compilers = {}

    @property
    def sql(self):
        return self._compile()[0]

    def _compile(self):
        """``(sql, params, converters)``: the converters turn raw column values into what the
        ORM would give (e.g. UUIDs and aware datetimes on SQLite)."""
        if connection.vendor not in self._compiled:
            built = self.build()
            compiler = None
            if isinstance(built, tuple):  # SQL put together from compiled querysets
                (sql, params), converters = built, {}
            else:
                compiler = built.query.get_compiler(connection=connection)
                sql, params = compiler.as_sql()
                converters = compiler.get_converters([column for column, *_ in compiler.select])
            if self.word:
                params = [self._word_param(param) for param in params]
            self._compiled[connection.vendor] = (sql, params, converters)
            self._compilers[connection.vendor] = compiler
        return self._compiled[connection.vendor]

    def _word_param(self, param):
        if isinstance(param, str) and self.word in param:
            return _WordParam(param, self.word)
        return param

    def params(self, **values):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        values = {"now": now, **values}
        return [
            param.value(values) if isinstance(param, Slot | _WordParam) else param
            for param in self._compile()[1]
        ]

    def execute(self, **values):
        """The rows of the query for ``values``, as lists."""
        sql, _params, converters = self._compile()
        with connection.cursor() as cursor:
            cursor.execute(sql, self.params(**values))
            rows = cursor.fetchall()
        rows = [list(row) for row in rows]
        for position, (functions, expression) in converters.items():
            for row in rows:
                for function in functions:
                    row[position] = function(row[position], expression, connection)
        return rows

    def objects(self, **values):
        """The model instances of the rows for ``values``, built as the ORM builds them (with
        those of ``select_related``); ``build()`` is a queryset of models without deferred
        fields or annotations."""
        rows = self.execute(**values)
        compiler = self._compilers[connection.vendor]
        select, klass_info, db = compiler.select, compiler.klass_info, connection.alias
        model, fields = klass_info["model"], klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        names = [column[0].target.attname for column in select[start:end]]
        populators = get_related_populators(klass_info, select, db)
        objects = []
        for row in rows:
            obj = model.from_db(db, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects
