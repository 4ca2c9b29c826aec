"""The one place that decides which pages the public API may show.

A page is public when it is live, not expired, not an alias (an untranslated placeholder made
by wagtail-localize), inside the site (below the tree root), has no unpublished ancestor and
neither it nor any ancestor carries a view restriction. Every view builds its querysets on
:func:`public_pages`; serializers never decide visibility.
"""

from django.db.models import BooleanField, DateTimeField, Expression, F, Q, Value
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.tree import DEEPEST_DEPTH, ROOT_DEPTH

#: Ancestors are checked down to this depth: the deepest page of the content model, and one
#: level more as a margin.
MAX_DEPTH = DEEPEST_DEPTH + 1


class _PublicRule(Expression):
    """True when the page is public (see the module's docstring).

    The SQL of ``Q(live=True, expired=False, alias_of__isnull=True, depth__gt=1)``, of
    ``expire_at`` unset or after ``now``, and of two ``~Exists`` subqueries over the path's
    prefixes (``path IN (SUBSTRING(path, 1, 4), …)``, which the database looks up in the unique
    index on ``path`` instead of comparing every page with every other one), written as text
    once per query on the columns of the page table that ``path`` belongs to. Building and
    compiling these conditions through the ORM cost more than running them, and the API uses
    the rule several times in every request.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, now):
        super().__init__()
        self.path = F("path")
        self.now = now if hasattr(now, "resolve_expression") else Value(now, DateTimeField())

    def get_source_expressions(self):
        return [self.path, self.now]

    def set_source_expressions(self, exprs):
        self.path, self.now = exprs

    def as_sql(self, compiler, connection):
        path, params = compiler.compile(self.path)
        now, now_params = compiler.compile(self.now)
        quote = compiler.quote_name_unless_alias
        table = self.path.alias  # the path's column is the page table's (a join, an alias)

        def column(name):
            return f"{quote(table)}.{quote(name)}" if table else quote(name)

        substring = "SUBSTRING" if connection.vendor != "sqlite" else "SUBSTR"
        depths = range(ROOT_DEPTH, MAX_DEPTH + 1)
        prefixes = ", ".join(f"{substring}({path}, 1, {Page.steplen * depth})" for depth in depths)
        page = connection.ops.quote_name(Page._meta.db_table)
        restriction = connection.ops.quote_name(PageViewRestriction._meta.db_table)
        sql = (
            f"({column('alias_of_id')} IS NULL AND {column('depth')} > 1"
            f" AND NOT {column('expired')} AND {column('live')}"
            f" AND ({column('expire_at')} IS NULL OR {column('expire_at')} > {now})"
            f" AND NOT EXISTS(SELECT 1 FROM {page} hidden_page"
            f" WHERE NOT hidden_page.live AND hidden_page.path IN ({prefixes}))"
            f" AND NOT EXISTS(SELECT 1 FROM {restriction} restriction"
            f" INNER JOIN {page} restricted_page ON restriction.page_id = restricted_page.id"
            f" WHERE restricted_page.path IN ({prefixes})))"
        )
        # The path appears once per prefix.
        return sql, [*now_params, *list(params) * (2 * len(depths))]


def public_q(now=None):
    """A filter (usable on any page model) that keeps only public pages.

    ``now`` (the current time unless given; a value or an expression) is when a page with an
    ``expire_at`` stops being public: SQL built once and run many times passes a parameter.
    """
    return Q(_PublicRule(timezone.now() if now is None else now))


def public_pages(model=Page, now=None):
    """The public pages of ``model`` (any locale), as a lazy queryset (``now``: see
    :func:`public_q`)."""
    return model.objects.filter(public_q(now))
