"""HTTP caching of public GET responses: ETag, Last-Modified, 304s and a server-side body cache.

The cache key and the ETag both contain the content generation (see ``cms.api.generation``),
so a publish anywhere makes every cached body and every ETag stale at once. The key also holds
the negotiated language, the absolute URL with its query sorted and today's date (for
date-dependent lists such as upcoming events).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, urlencode
from rest_framework.exceptions import ValidationError

from cms.availability import UNAVAILABLE_ERRORS

from .generation import current_generation
from .locales import negotiate_language

VARY = ("Accept-Language", "Origin")


@dataclass(frozen=True)
class CachedBody:
    content: bytes
    content_type: str
    etag: str


def _cache_key(request, generation, language):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    url = request.build_absolute_uri(request.path) + ("?" + query if query else "")
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"api:{generation.value}:{language}:{timezone.localdate():%Y%m%d}:{digest}"


def _etag(generation, content):
    return f'"{generation.value}-{hashlib.sha256(content).hexdigest()[:20]}"'


def add_public_headers(response, etag, last_modified):
    """The caching headers of a successful public GET."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
    patch_vary_headers(response, VARY)
    return response


def add_private_headers(response):
    """Headers for responses that must never be stored (previews)."""
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, VARY)
    return response


#: The generation this process read last: what a stale response may be served at.
_last_seen = {}
STALE_WARNING = '111 - "Revalidation Failed"'


def _serve_stale(request):
    """The body cached at the last generation seen, marked stale; re-raises without one."""
    generation = _last_seen.get("generation")
    try:
        key = generation and _cache_key(request, generation, negotiate_language(request))
    except ValidationError:
        key = None
    entry = cache.get(key) if key else None
    if entry is None:
        raise  # the database error being handled
    response = HttpResponse(entry.content, content_type=entry.content_type)
    add_public_headers(response, entry.etag, generation.last_modified)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    response["Warning"] = STALE_WARNING
    return response


def serve_cached(request, render):
    """Serve a public GET through the body cache; ``render()`` builds the response on a miss.

    Only 200 responses are cached and get validators; errors pass through with ``Vary``.
    When the database cannot be reached, the body cached at the last generation this process
    saw is served with a ``Warning`` (stale-if-error); without one the error propagates (503).
    """
    try:
        generation = current_generation()
    except UNAVAILABLE_ERRORS:
        return _serve_stale(request)
    _last_seen["generation"] = generation
    try:
        language = negotiate_language(request)
    except ValidationError:
        language = None  # render() answers with the 400
    key = _cache_key(request, generation, language) if language else None
    entry = cache.get(key) if key else None
    if entry is None:
        response = render()
        if response.status_code != 200 or key is None:
            patch_vary_headers(response, VARY)
            return response
        if hasattr(response, "render"):
            response.render()
        content = response.content
        entry = CachedBody(content, response["Content-Type"], _etag(generation, content))
        cache.set(key, entry, settings.API_SERVER_CACHE_SECONDS)
    response = HttpResponse(entry.content, content_type=entry.content_type)
    add_public_headers(response, entry.etag, generation.last_modified)
    return get_conditional_response(
        request, etag=entry.etag, last_modified=generation.last_modified, response=response
    )
