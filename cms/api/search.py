"""Full-text search through Wagtail's search backend, in the requested and default languages.

On PostgreSQL the database backend uses the ``norwegian`` text-search configuration
(``WAGTAILSEARCH_BACKENDS``); results are ordered by relevance.
"""

from django.conf import settings

MAX_QUERY_LENGTH = 200


def search_keys(queryset, query, locales):
    """Translation keys of the pages of ``queryset`` matching ``query``, most relevant first.

    Pages in the requested and in the default language are searched, so an untranslated page
    is found too (and shown as a fallback). The number of hits is capped by
    ``API_SEARCH_MAX_HITS``.
    """
    hits = queryset.filter(live=True, locale__in=locales.ids).search(query, operator="and")[
        : settings.API_SEARCH_MAX_HITS
    ]
    return list(dict.fromkeys(hit.translation_key for hit in hits))
