"""The one place that decides which pages the public API may show.

A page is public when it is live, not expired, not an alias (an untranslated placeholder made
by wagtail-localize), inside the site (below the tree root), has no unpublished ancestor and
neither it nor any ancestor carries a view restriction. Every view builds its querysets on
:func:`public_pages`; serializers never decide visibility.
"""

from django.db.models import BooleanField, Expression, F, Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.tree import DEEPEST_DEPTH, ROOT_DEPTH

#: Ancestors are checked down to this depth: the deepest page of the content model, and one
#: level more as a margin.
MAX_DEPTH = DEEPEST_DEPTH + 1


class _NoHiddenAncestor(Expression):
    """True when no page on the path of the page at ``path`` (its ancestors and itself) is
    unpublished or carries a view restriction.

    The same SQL as two ``~Exists`` subqueries over the path's prefixes (``path IN
    (SUBSTRING(path, 1, 4), …)``, which the database looks up in the unique index on ``path``
    instead of comparing every page with every other one), written as text once per query:
    building and compiling those subqueries through the ORM cost more than running them, and
    the API runs several in every request.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, path=None):
        super().__init__()
        self.path = path if path is not None else F("path")

    def get_source_expressions(self):
        return [self.path]

    def set_source_expressions(self, exprs):
        (self.path,) = exprs

    def as_sql(self, compiler, connection):
        path, params = compiler.compile(self.path)
        substring = "SUBSTRING" if connection.vendor != "sqlite" else "SUBSTR"
        depths = range(ROOT_DEPTH, MAX_DEPTH + 1)
        prefixes = ", ".join(f"{substring}({path}, 1, {Page.steplen * depth})" for depth in depths)
        page = connection.ops.quote_name(Page._meta.db_table)
        restriction = connection.ops.quote_name(PageViewRestriction._meta.db_table)
        sql = (
            f"(NOT EXISTS(SELECT 1 FROM {page} hidden_page"
            f" WHERE NOT hidden_page.live AND hidden_page.path IN ({prefixes}))"
            f" AND NOT EXISTS(SELECT 1 FROM {restriction} restriction"
            f" INNER JOIN {page} restricted_page ON restriction.page_id = restricted_page.id"
            f" WHERE restricted_page.path IN ({prefixes})))"
        )
        return sql, list(params) * (2 * len(depths))  # the path appears once per prefix


def public_q(now=None):
    """A filter (usable on any page model) that keeps only public pages.

    ``now`` (the current time unless given; a value or an expression) is when a page with an
    ``expire_at`` stops being public: SQL built once and run many times passes a parameter.
    """
    now = timezone.now() if now is None else now
    return (
        Q(live=True, expired=False, alias_of__isnull=True, depth__gt=1)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & Q(_NoHiddenAncestor())
    )


def public_pages(model=Page, now=None):
    """The public pages of ``model`` (any locale), as a lazy queryset (``now``: see
    :func:`public_q`)."""
    return model.objects.filter(public_q(now))
