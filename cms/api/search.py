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
"""

from django.conf import settings
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.lookups import GreaterThanOrEqual

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


def text_matches(field, word):
    """A condition: ``word`` is part of ``field`` (or, on PostgreSQL, close to a part of it)."""
    condition = Q(**{f"{field}__icontains": word})
    if _trigrams() and len(word) >= TYPO_MIN_LENGTH:
        similarity = TrigramWordSimilarity(Value(word), F(field))
        condition |= Q(GreaterThanOrEqual(similarity, TYPO_SIMILARITY))
    return condition


def _related_page_ids(word):
    """Subqueries of the ids of pages linked to something whose name contains ``word``."""
    for model, page_field, fields in _RELATED_TEXT:
        condition = Q()
        for field in fields:
            condition |= text_matches(field, word)
        yield model.objects.filter(condition).values(page_field)


def _word_matches(word):
    condition = text_matches("title", word)
    for page_ids in _related_page_ids(word):
        condition |= Q(pk__in=page_ids)
    return condition


def _keys(queryset):
    return list(
        dict.fromkeys(
            queryset.order_by("path").values_list("translation_key", flat=True)[
                : settings.API_SEARCH_MAX_HITS
            ]
        )
    )


def search_keys(queryset, query, locales):
    """Translation keys of the pages of ``queryset`` matching ``query``, best first.

    The number of hits of each kind of match is capped by ``API_SEARCH_MAX_HITS``.
    """
    pages = queryset.filter(live=True, locale__in=locales.ids)
    words = query.split()
    scores = {}

    def add(keys, score):
        for rank, key in enumerate(keys):
            # Earlier hits of a kind rank a little higher; kinds add up.
            scores[key] = scores.get(key, 0.0) + score - rank / (len(keys) + 1)

    add(_keys(pages.filter(title__icontains=query)), SCORE_TITLE)
    hits = pages.only("translation_key").search(query, operator="and")[
        : settings.API_SEARCH_MAX_HITS
    ]
    add(list(dict.fromkeys(hit.translation_key for hit in hits)), SCORE_FULL_TEXT)
    if _trigrams() and len(query) >= TYPO_MIN_LENGTH:
        similarity = TrigramWordSimilarity(Value(query), F("title"))
        close = (
            pages.annotate(api_similarity=similarity)
            .filter(api_similarity__gte=TYPO_SIMILARITY)
            .order_by("-api_similarity", "path")
            .values_list("translation_key", flat=True)[: settings.API_SEARCH_MAX_HITS]
        )
        add(list(dict.fromkeys(close)), SCORE_TYPO)
    every_word = Q()
    for word in words:
        every_word &= _word_matches(word)
    add(_keys(pages.filter(every_word)), SCORE_RELATED)
    return sorted(scores, key=lambda key: -scores[key])
