"""Serve cached public API responses before the rest of the middleware and the view run.

A body is in the cache only if a public, cacheable endpoint stored it (see ``cms.api.caching``),
and it is served only while none of its cache tags changed (one query), exactly as the view
would serve it; a miss goes on to the view. Sessions, authentication, CSRF and URL routing add
nothing to a public API answer, so skipping them makes a cache hit cost little more than the
cache lookup. Placed after CORS (whose headers every API response needs).
"""

from .caching import cached_response

API_PREFIX = "/api/v1/"


class CachedApiResponseMiddleware:
    """Answer GET and HEAD requests under ``/api/v1/`` from the response cache when possible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path_info.startswith(API_PREFIX):
            response = cached_response(request)
            if response is not None:
                return response
        return self.get_response(request)
