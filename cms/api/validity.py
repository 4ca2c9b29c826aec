"""Whether a cached body is still valid, in one small query.

A body is valid while none of its cache tags was bumped since it was rendered. Every bump also
raises the content generation, in the same transaction (``cms.api.generation``), so a body
known to be valid at a generation stays valid while the generation is still that one: then
one read of the generation's row answers (``cms.api.quick_read``), much cheaper than
the versions of the body's tags (about fifty names). This process remembers, per cache key,
the body (its ETag) and the generation at which it was rendered or last found valid; a body it
does not know, or one whose generation this process has seen move since, is checked against
its tags, with the generation read in the same query. Only the first request of a process
after another process's change runs both queries.

The first query of a request on a persistent connection is also its health check: Django's own
(a ``SELECT 1`` first) would double the round trips of a cache hit. If it fails because the
connection died, the connection is closed and the query runs once more on a new one, as after
a failed health check; a database that cannot be reached raises as before (stale-if-error,
see ``cms.api.caching``).
"""

from django.db import DEFAULT_DB_ALIAS, connections

from cms.availability import UNAVAILABLE_ERRORS

from . import generation as generations

#: Bodies this process remembers at most (then it starts afresh).
MAX_REMEMBERED = 10_000

#: The cache key → (ETag, generation mark) at which the body was found valid.
_valid_at = {}
#: The generation this process read last, and how many bumps of its own it had made before.
_last_read = (None, None)


def known_valid(key, etag):
    """Whether this process knows the body ``etag`` under ``key`` valid at the current
    generation (one lookup of the generation's row); False means "check its tags"."""
    remembered = _valid_at.get(key)
    since = remembered[1] if remembered and remembered[0] == etag else None
    return (
        since is not None
        and _last_read == (since, generations.bumps_in_process)
        and _read(checking_connection(generations.current_generation_mark)) == since
    )


def is_valid(key, entry):
    """Whether the cached body ``entry`` under ``key`` is still valid (one query, or two the
    first time this process sees that another changed the content)."""
    if known_valid(key, entry.etag):
        return True
    version, current = checking_connection(
        lambda: generations.latest_version_and_generation(entry.tags)
    )
    _read(current.mark)
    if version > entry.version:
        return False
    if len(_valid_at) >= MAX_REMEMBERED:
        _valid_at.clear()
    _valid_at[key] = (entry.etag, current.mark)
    return True


def _read(mark):
    global _last_read
    _last_read = (mark, generations.bumps_in_process)
    return mark


def checking_connection(query):
    """``query()``, as the health check of a persistent connection when one is due (see the
    module's description)."""
    db = connections[DEFAULT_DB_ALIAS]  # not the proxy: each of its attributes is a lookup
    if not _health_check_pending(db):
        return query()
    db.health_check_done = True
    try:
        return query()
    except UNAVAILABLE_ERRORS:
        db.close()
    return query()


def _health_check_pending(db):
    """Whether Django would check the persistent connection ``db`` before the next query."""
    return (
        db.connection is not None
        and db.health_check_enabled
        and not db.health_check_done
        and not db.in_atomic_block
    )
