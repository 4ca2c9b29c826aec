"""Search of the public API: what a Norwegian reader types finds what they mean.

A page matches a query when

1. Wagtail's full-text search finds it (PostgreSQL: the ``norwegian`` configuration, so
   "fadderordningen" finds "Fadderordning"), or
2. every word of the query is part of its title or of the name of something linked to it
   (topics, contact persons' names and roles, partners, target groups, goals; registered by
   the apps with :func:`register_related_text`). A part of a compound word counts
   ("konferanse" finds "Lederkonferansen 2025"). On PostgreSQL, a word of four letters or more
   also matches a word that differs by a small typo (pg_trgm's word similarity, see
   ``TYPO_SIMILARITY``); SQLite has no typo tolerance.

Pages in the requested and in the default language are searched. Results are ranked: the whole
query in the title first, then full-text hits in Wagtail's order of relevance, then titles
close to the query (typos), then matches in linked names.

On PostgreSQL the matches of a one-word query are read in one statement whose SQL is built
once per process (:func:`_matcher`, :mod:`cms.api.sql_templates`); for the search endpoint it
also chooses the page that shows each key (:func:`search`). Other queries, and SQLite, build
them through the ORM.
"""

import re

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.lookups import GreaterThanOrEqual
from wagtail.models import Page

from .sql_templates import Slot, SqlTemplate, with_word

MAX_QUERY_LENGTH = 200
#: pg_trgm word similarity from which a word counts as the same word with a typo.
TYPO_SIMILARITY = 0.6
#: Words shorter than this must match exactly (as part of a word): trigrams of short words are
#: too few to tell a typo from another word.
TYPO_MIN_LENGTH = 4
#: Scores of the kinds of match (higher ranks first).
SCORE_TITLE, SCORE_FULL_TEXT, SCORE_TYPO, SCORE_RELATED = 4.0, 3.0, 2.0, 1.0

_RELATED_TEXT = []


def register_related_text(model, page_field, *text_fields):
    """Let search find a page by the text in ``text_fields`` of ``model`` rows, whose
    ``page_field`` is the page's id (e.g. ``MeasureContact, "page_id", "contact__name"``)."""
    _RELATED_TEXT.append((model, page_field, text_fields))


def _trigrams():
    return connection.vendor == "postgresql"


def _close_to(field, word):
    """A condition: a part of ``field`` is a word close to ``word`` (PostgreSQL only).

    pg_trgm's ``<%`` operator (Django's ``trigram_word_similar``) lets PostgreSQL use a GIN
    trigram index (one exists on page titles); it compares with pg_trgm's
    ``word_similarity_threshold`` (0.6 unless configured), the explicit comparison with
    ``TYPO_SIMILARITY`` keeps the documented threshold when that setting is lower.
    """
    similarity = TrigramWordSimilarity(Value(word), F(field))
    return Q(TrigramWordSimilar(F(field), word)) & Q(
        GreaterThanOrEqual(similarity, TYPO_SIMILARITY)
    )


def text_matches(field, word):
    """A condition: ``word`` is part of ``field`` (or, on PostgreSQL, close to a part of it)."""
    condition = Q(**{f"{field}__icontains": word})
    if _trigrams() and len(word) >= TYPO_MIN_LENGTH:
        condition |= _close_to(field, word)
    return condition


def _related_page_ids(word):
    """Subqueries of the ids of pages linked to something whose name contains ``word``."""
    for model, page_field, fields in _RELATED_TEXT:
        condition = Q()
        for field in fields:
            condition |= text_matches(field, word)
        yield model.objects.filter(condition).order_by().values(page_field)


def _linked_subquery(word):
    """The ids of pages linked to something whose name contains ``word``: one ``UNION`` of
    the (small) link tables' matches, so PostgreSQL reads the few pages by id instead of
    testing every page row against each subquery."""
    subqueries = list(_related_page_ids(word))
    if not subqueries:
        return None
    first, *rest = subqueries
    return first.union(*rest, all=True) if rest else first


#: Words that stand for the searched word while the SQL of linked names is built once; one
#: long enough for the typo condition, one too short for it.
_PLACEHOLDERS = {True: "qqlinkedwordqq", False: "qq"}
_linked_sql = {}


def _linked_template(typo):
    """``(sql, params)`` of :func:`_linked_subquery` for a placeholder word: building the
    subqueries through the ORM costs more than running them, and only the word changes."""
    key = (connection.vendor, typo, len(_RELATED_TEXT))
    if key not in _linked_sql:
        placeholder = _PLACEHOLDERS[typo]
        subquery = _linked_subquery(placeholder)
        template = None
        if subquery is not None:
            sql, params = subquery.query.sql_with_params()
            if any(placeholder in str(param) for param in params):
                template = (sql, params)
        _linked_sql[key] = template
    return _linked_sql[key]


def _linked(word):
    """A condition: something linked to the page has a name containing ``word``."""
    typo = _trigrams() and len(word) >= TYPO_MIN_LENGTH
    template = _linked_template(typo)
    if template is None:
        subquery = _linked_subquery(word)
        return Q(pk__in=subquery) if subquery is not None else Q(pk__in=[])
    sql, params = template
    placeholder = _PLACEHOLDERS[typo]
    return Q(pk__in=RawSQL(sql, [with_word(param, placeholder, word) for param in params]))


# --- The kinds of match, as querysets --------------------------------------------------------


def _in_title(pages, query):
    """``(path, translation_key)`` of the pages with ``query`` in their title, in tree order."""
    return _first_rows(pages.filter(title__icontains=query).order_by("path"))


def _full_text(pages, query):
    """Wagtail's full-text hits, best first: a queryset of their translation keys, or the
    pages themselves from a search backend that is not a database (e.g. Elasticsearch)."""
    hits = pages.only("translation_key").search(query, operator="and")
    hits = hits[: settings.API_SEARCH_MAX_HITS]
    if hasattr(hits, "get_queryset"):
        return hits.get_queryset().values_list("translation_key", flat=True)
    return hits


def _close(pages, query):
    """``(path, translation_key)`` of the pages with a title close to ``query`` (a typo),
    closest first (PostgreSQL only)."""
    similarity = TrigramWordSimilarity(Value(query), F("title"))
    return _first_rows(
        pages.filter(_close_to("title", query))
        .annotate(api_similarity=similarity)
        .order_by("-api_similarity", "path")
    )


def _linked_to(pages, query):
    """``(path, translation_key)`` of the pages linked to a name containing ``query``."""
    return _first_rows(pages.filter(_linked(query)).order_by("path"))


def _linked_to_any(pages, query):
    """:func:`_linked_to` with one ``IN`` per link table (``OR``), for SQL built once (the ORM
    takes longer to build it than the ``UNION`` of :func:`_linked`): PostgreSQL hashes each
    table's matches once and walks the pages in path order only up to the first hits, where
    the ``UNION`` joined and sorted every match (a name on every measure: 6,000 rows)."""
    condition = Q(pk__in=[])
    for subquery in _related_page_ids(query):
        condition |= Q(pk__in=subquery)
    return _first_rows(pages.filter(condition).order_by("path"))


def _every_word(pages, words):
    """``(path, translation_key)`` of the pages whose title or linked names contain each word."""
    condition = Q()
    for word in words:
        condition &= text_matches("title", word) | _linked(word)
    return _first_rows(pages.filter(condition).order_by("path"))


def _first_rows(queryset):
    return queryset.values_list("path", "translation_key")[: settings.API_SEARCH_MAX_HITS]


_MATCHES = {"title": _in_title, "full_text": _full_text, "close": _close, "linked": _linked_to}
_templates = {}


def _matcher(scope, pages, query, locales, typo, candidates=None):
    """``(match, shown)``: a function from a kind of match (``_MATCHES``) to its rows (keys for
    ``full_text``), and the page that shows each key found (``None`` if it has none), or
    ``None`` when they were not chosen.

    On PostgreSQL, a one-word query of a named ``scope`` (what ``pages`` holds, e.g. a tuple of
    page types) reads every kind of match in one statement built once per scope, locales,
    typo tolerance and cap of hits (:func:`_one_word_statement`), which with ``candidates``
    also chooses the page that shows each key; else the ORM builds each kind when needed."""
    orm = (lambda kind: _evaluated(kind, _MATCHES[kind](pages, query))), None
    if scope is None or connection.vendor != "postgresql" or re.search(r"[\s-]", query):
        return orm
    cap = settings.API_SEARCH_MAX_HITS  # part of the SQL
    key = (scope, tuple(locales.ids), typo, len(_RELATED_TEXT), candidates, cap)
    if key not in _templates:
        _templates[key] = _one_word_statement(pages, typo, candidates)
    if _templates[key] is None:
        return orm
    kinds, template = _templates[key]
    matches, shown = {kind: [] for kind in kinds}, {} if candidates else None
    values = {"locales": locales.ids, "requested": locales.requested_id} if candidates else {}
    for kind_number, _position, path, key, *page in template.execute(word=query, **values):
        kind = kinds[kind_number]
        matches[kind].append(key if kind == "full_text" else (path, key))
        if candidates:
            shown[key] = page[0]
    return matches.__getitem__, shown


def _one_word_statement(pages, typo, candidates=None):
    """``(kinds, SqlTemplate)``: the matches of ``pages`` for a placeholder word, one
    ``UNION ALL`` of the kinds' queries (each in its own order, numbered), or ``None`` when a
    kind is not a queryset (e.g. full-text search by Elasticsearch).

    With ``candidates`` (see :func:`search`), each row also has the id of the page that shows
    its key: of the candidates of that key, the one in the requested language (slot
    ``requested``), else the other one; ``NULL`` without a candidate."""
    placeholder = _PLACEHOLDERS[typo]
    kinds = [kind for kind in _MATCHES if typo or kind != "close"]
    parts, params = [], []
    for number, kind in enumerate(kinds):
        build = _linked_to_any if kind == "linked" else _MATCHES[kind]
        built = build(pages, placeholder)
        if not isinstance(built, QuerySet):
            return None
        sql, kind_params = built.query.sql_with_params()
        path = "NULL::text" if kind == "full_text" else "m.path"
        parts.append(
            f"SELECT {number}, row_number() OVER (), {path}, m.translation_key FROM ({sql}) m"
        )
        params += kind_params
    statement = " UNION ALL ".join(f"({part})" for part in parts)
    if candidates is None:
        statement += " ORDER BY 1, 2"
    else:
        statement, params = _with_shown_pages(statement, params, candidates)
    return kinds, SqlTemplate(lambda: (statement, params), word=placeholder)


def _with_shown_pages(statement, params, candidates):
    """``(sql, params)`` of the matches of ``statement`` with the page that shows each key.

    The candidates' keys are one array of the keys found (an ``InitPlan``), which PostgreSQL
    looks up in the index on translation key and locale; as ``IN (SELECT …)`` it read every
    page of the languages to join them with the keys (1.9 ms instead of 1 ms for 500 keys).
    """
    matched = RawSQL(
        f"{connection.ops.quote_name(Page._meta.db_table)}.translation_key"
        " = ANY(ARRAY(SELECT DISTINCT key FROM api_matches))",
        [],
        output_field=BooleanField(),
    )
    candidates_sql, candidates_params = candidates(matched).query.sql_with_params()
    sql = f"""
        WITH api_matches(kind, position, path, key) AS ({statement}),
        api_candidates(pk, translation_key, locale_id) AS ({candidates_sql}),
        api_shown AS (
            SELECT DISTINCT ON (translation_key) translation_key, pk FROM api_candidates
            ORDER BY translation_key, CASE WHEN locale_id = %s THEN 0 ELSE 1 END
        )
        SELECT m.kind, m.position, m.path, m.key, s.pk
        FROM api_matches m LEFT JOIN api_shown s ON s.translation_key = m.key
        ORDER BY 1, 2
    """
    return sql, [*params, *candidates_params, Slot("requested")]


def _evaluated(kind, result):
    if kind == "full_text":
        return [getattr(hit, "translation_key", hit) for hit in result]
    return list(result)


def _keys(rows):
    """The translation keys of ``rows`` in order, each once."""
    return list(dict.fromkeys(key for _path, key in rows))


def _by_path(*row_lists):
    """``{path: key}`` of rows ``(path, key)``, each page once: a path names one page, so the
    keys are not hashed again (a UUID's hash is Python code, and a search may have 1,500 rows)."""
    pages = {}
    for rows in row_lists:
        pages.update(rows)
    return pages


class Found:
    """What a search found: ``keys``, the translation keys of the pages found, best first, and
    ``shown``, the id of the page that shows each key (``None`` if none does) when the search
    chose them, else ``None``."""

    __slots__ = ("keys", "shown")

    def __init__(self, keys, shown):
        self.keys, self.shown = keys, shown


def search_keys(queryset, query, locales, scope=None):
    """Translation keys of the pages of ``queryset`` matching ``query``, best first.

    The number of hits of each kind of match is capped by ``API_SEARCH_MAX_HITS``. ``scope``
    names what ``queryset`` holds (hashable, e.g. its page types): with it, the SQL of a
    one-word search is built once (see :func:`_matcher`).
    """
    return search(queryset, query, locales, scope).keys


def search(queryset, query, locales, scope=None, candidates=None):
    """The pages of ``queryset`` matching ``query`` (:class:`Found`), as :func:`search_keys`.

    ``candidates`` (hashable; with ``scope``) is a function from a condition on ``Page`` to a
    queryset of the ``(pk, translation_key, locale_id)`` of the pages that may show a key
    (public ones, in the search's languages): a one-word search on PostgreSQL then chooses the
    page that shows each key in the same statement (:attr:`Found.shown`).
    """
    pages = queryset.filter(live=True, locale__in=locales.ids)
    words = query.split()
    typo = _trigrams() and len(query) >= TYPO_MIN_LENGTH
    match, shown = _matcher(scope, pages, query, locales, typo, candidates)
    scores = {}

    def add(keys, score):
        for rank, key in enumerate(keys):
            # Earlier hits of a kind rank a little higher; kinds add up.
            scores[key] = scores.get(key, 0.0) + score - rank / (len(keys) + 1)

    in_title = match("title")
    add(_keys(in_title), SCORE_TITLE)
    add(list(dict.fromkeys(match("full_text"))), SCORE_FULL_TEXT)
    close = match("close") if typo else []
    add(_keys(close), SCORE_TYPO)
    if words == [query] and len(close) < settings.API_SEARCH_MAX_HITS:
        # One word: its title matches are the two lists above (complete in tree order), so
        # only the linked names are still to be read; the title is not matched again.
        rows = sorted(_by_path(in_title, close, match("linked")).items())
        add(_keys(rows[: settings.API_SEARCH_MAX_HITS]), SCORE_RELATED)
    else:
        add(_keys(_every_word(pages, words)), SCORE_RELATED)
        shown = None  # it may have found keys the statement did not
    return Found(sorted(scores, key=lambda key: -scores[key]), shown)
