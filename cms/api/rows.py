"""Inline rows of many pages read as plain dicts: one query per relation, no model instances.

A plan shows a thousand inline rows and more (each measure's status updates, partners, target
groups, contacts, goals and related pages). Reading them with ``values_list``, the linked
snippet joined, costs a fraction of building a model instance for every row and snippet, and
the page ids go to PostgreSQL as one array parameter. The query of each relation is built and
compiled once per process (:mod:`cms.api.sql_templates`).

A row is a dict of the row's fields; the object it links to is a dict of its fields under the
link's name, or for a page only its id under ``<link>_id``. :func:`load_rows` gives each page
its rows as ``api_<relation>``; :func:`rows_of` reads them back, or builds them from the rows
in memory (a preview). Translations take their rows from the default page
(:mod:`cms.api.facts`), which knows the relations loaded this way from :func:`row_specs`.
"""

from dataclasses import dataclass
from functools import cache, cached_property

from .sql_templates import SqlTemplate, one_of

#: What is read of every row, and of every object a row links to.
ROW_FIELDS = ("id", "translation_key", "sort_order")
LINK_FIELDS = ("id", "translation_key", "locale_id")

_SPECS = {}


@dataclass(frozen=True)
class RowSpec:
    """What the API reads of the rows of ``relation`` of ``model``: the row's ``fields``, and of
    the object at ``link`` its ``link_fields`` (a snippet), or only its id (``page_link``)."""

    model: type
    relation: str
    fields: tuple = ()
    link: str | None = None
    link_fields: tuple = ()
    page_link: bool = False

    @cached_property
    def row_model(self):
        return self.model._meta.get_field(self.relation).related_model

    @cached_property
    def parent_field(self):
        """The row's key to its page (e.g. ``page``)."""
        return self.model._meta.get_field(self.relation).field.name

    @cached_property
    def link_model(self):
        return self.row_model._meta.get_field(self.link).related_model if self.link else None

    @cached_property
    def _columns(self):
        columns = [*ROW_FIELDS, f"{self.parent_field}_id", *self.fields]
        if self.page_link:
            columns.append(f"{self.link}_id")
        elif self.link:
            names = (*LINK_FIELDS, *self.link_fields)
            columns += [f"{self.link}__{name}" for name in names]
        return columns

    def _row(self, values):
        """The dict of one row from the ``values`` of :attr:`_columns`."""
        own = len(ROW_FIELDS) + 1 + len(self.fields)
        row = dict(zip(self._columns[:own], values[:own], strict=True))
        del row[f"{self.parent_field}_id"]
        if self.page_link:
            row[f"{self.link}_id"] = values[own]
        elif self.link:
            row[self.link] = dict(zip((*LINK_FIELDS, *self.link_fields), values[own:], strict=True))
        return row

    def row_of(self, obj):
        """The dict of a row object (e.g. in memory, for a preview)."""
        row = {name: getattr(obj, name) for name in (*ROW_FIELDS, *self.fields)}
        if self.page_link:
            row[f"{self.link}_id"] = getattr(obj, f"{self.link}_id")
        elif self.link:
            row[self.link] = link_of(getattr(obj, self.link), self.link_fields)
        return row

    def load(self, pages_by_id):
        """The rows of the pages ``pages_by_id`` (by id), as ``api_<relation>`` lists."""
        rows = _rows_query(self).execute(pages=list(pages_by_id))
        at = len(ROW_FIELDS)  # the page's id follows the row's own fields
        for values in rows:
            pages_by_id[values[at]].__dict__[f"api_{self.relation}"].append(self._row(values))


@cache  # by the spec's fields (serializers keep deep copies of their specs)
def _rows_query(spec):
    """The query of the rows of ``spec`` of a list of pages (``pages``), compiled once per
    process."""
    return SqlTemplate(
        lambda: spec.row_model.objects.filter(
            one_of(spec.row_model, spec.parent_field, "pages", "int")
        ).values_list(*spec._columns)
    )


def link_of(obj, fields):
    """The dict of a linked object (a snippet), or None."""
    if obj is None:
        return None
    return {name: getattr(obj, name) for name in (*LINK_FIELDS, *fields)}


def register_rows(*specs):
    """Declare relations that are loaded as dicts (see :func:`row_specs`)."""
    for spec in specs:
        _SPECS.setdefault(spec.model, {})[spec.relation] = spec


def row_specs(model):
    """The relations of ``model`` loaded as dicts, by name."""
    return _SPECS.get(model, {})


def load_rows(pages, specs):
    """Give each of ``pages`` its rows of each of ``specs`` (``api_<relation>``, in order): one
    query per relation."""
    pages_by_id = {page.pk: page for page in pages}
    for spec in specs:
        for page in pages:
            page.__dict__[f"api_{spec.relation}"] = []
        if pages_by_id:
            spec.load(pages_by_id)
    return pages


def rows_of(page, spec):
    """The rows of ``spec`` of ``page``: loaded by :func:`load_rows`, or read from the page's
    relation (rows in memory, e.g. a preview)."""
    rows = page.__dict__.get(f"api_{spec.relation}")
    if rows is None:
        rows = [spec.row_of(obj) for obj in getattr(page, spec.relation).all()]
    return rows
