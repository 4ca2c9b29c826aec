"""Serve cached public API responses before the rest of the middleware and the view run.

A body is in the cache only if a public, cacheable endpoint stored it (see ``cms.api.caching``),
and it is served only while none of its cache tags changed (one query), exactly as the view
would serve it; a miss goes on to the view. Sessions, authentication, CSRF and URL routing add
nothing to a public API answer, so skipping them makes a cache hit cost little more than the
cache lookup. Placed after CORS (whose headers every API response needs). In front of Django,
``cms.api.fastpath`` answers the same hits without the rest of Django's request handling; when
it has looked in the cache already, this middleware does not look again.
"""

from .caching import cached_response

API_PREFIX = "/api/v1/"
#: Set in the WSGI environ by ``cms.api.fastpath`` when it found no cached answer (a key no
#: client can send: header keys start with ``HTTP_``).
LOOKED_UP = "cms.api.cache_looked_up"


class CachedApiResponseMiddleware:
    """Answer GET and HEAD requests under ``/api/v1/`` from the response cache when possible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.path_info.startswith(API_PREFIX)
            and not request.META.get(LOOKED_UP)
        ):
            response = cached_response(request)
            if response is not None:
                return response
        return self.get_response(request)
