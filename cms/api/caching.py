"""HTTP caching of public GET responses: ETag, Last-Modified, 304s, CDN headers and a
server-side body cache.

A cached body remembers the content generation it was rendered at and the cache tags of
everything it shows (see ``cms.api.dependencies``). Each hit checks, in one small query, that
none of those tags changed since (``cms.api.validity``): so a publish invalidates only the
responses that contain the changed object, and no server serves a body older than a committed
change. The key holds the negotiated language, the absolute URL with its query sorted and
today's date (for date-dependent lists such as upcoming events).
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

from .cdn import cdn_tags, set_cdn_headers
from .dependencies import recording
from .generation import current_generation, rendering_at
from .locales import negotiate_language
from .validity import checking_connection, is_valid

VARY = ("Accept-Language", "Origin")


@dataclass(frozen=True)
class CachedBody:
    """A rendered 200 response and what it depends on."""

    content: bytes
    content_type: str
    etag: str
    version: int
    last_modified: int
    tags: frozenset
    #: The caching and CDN headers, worked out once when the body is rendered.
    headers: tuple
    is_list: bool


def cache_key(url, language, date=None):
    """The body cache key of the absolute ``url`` (query sorted) in ``language``."""
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"api2:{language}:{(date or timezone.localdate()):%Y%m%d}:{digest}"


def _request_key(request, language):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    url = request.build_absolute_uri(request.path) + ("?" + query if query else "")
    return cache_key(url, language)


def _etag(generation, content):
    return f'"{generation.value}-{hashlib.sha256(content).hexdigest()[:20]}"'


def cache_control(is_list):
    """``Cache-Control`` of a public response: lists get a short ``max-age`` and may be served
    stale while the CDN revalidates them; objects are purged on change (see ``cms.api.cdn``)."""
    if is_list:
        return (
            f"public, max-age={settings.API_LIST_CACHE_SECONDS}, "
            f"stale-while-revalidate={settings.API_STALE_WHILE_REVALIDATE_SECONDS}"
        )
    return f"public, max-age={settings.API_CACHE_SECONDS}"


def add_public_headers(response, etag, last_modified, is_list=False):
    """The caching headers of a successful public GET."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control(is_list)
    patch_vary_headers(response, VARY)
    return response


def add_private_headers(response):
    """Headers for responses that must never be stored (previews)."""
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, VARY)
    return response


def valid_entry(key):
    """The cached body under ``key`` if none of its tags changed since it was rendered (one
    small query, see ``cms.api.validity``)."""
    entry = cache.get(key)
    if entry is None or not isinstance(entry, CachedBody):
        return None
    return entry if is_valid(key, entry) else None


def render_entry(render):
    """Render a response, recording its tags; a :class:`CachedBody` for a 200, else the
    response itself. Reading the generation is the request's first query: it is also the
    health check of a persistent connection (see ``cms.api.validity``), one round trip less."""
    generation = checking_connection(current_generation)
    with rendering_at(generation), recording() as tags:
        response = render()
        if response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
    content = response.content
    etag = _etag(generation, content)
    is_list = getattr(response, "api_is_list", False)
    headers = add_public_headers(HttpResponse(), etag, generation.last_modified, is_list)
    set_cdn_headers(
        headers, cdn_tags(getattr(response, "data", None), getattr(response, "api_pages", None))
    )
    return CachedBody(
        content=content,
        content_type=response["Content-Type"],
        etag=etag,
        version=generation.value,
        last_modified=generation.last_modified,
        tags=frozenset(tags),
        headers=tuple((name, value) for name, value in headers.items() if name in CACHED_HEADERS),
        is_list=is_list,
    )


#: The headers of a cached body that do not depend on the request.
CACHED_HEADERS = frozenset(
    {"ETag", "Last-Modified", "Cache-Control", "Vary", "Cache-Tag", "Surrogate-Key"}
)


def _response(entry, language):
    response = HttpResponse(entry.content, content_type=entry.content_type)
    # As CommonMiddleware gives a rendered response (a hit is answered before it): the server
    # sends the body as it is instead of in chunks.
    response["Content-Length"] = str(len(entry.content))
    response["Content-Language"] = language
    for name, value in entry.headers:
        response[name] = value
    return response


STALE_WARNING = '111 - "Revalidation Failed"'


def stale_response(request, key, language):
    """The body last cached under ``key``, marked stale, while the database cannot be reached
    (stale-if-error); re-raises the database error being handled when there is none."""
    entry = cache.get(key) if key else None
    if not isinstance(entry, CachedBody):
        raise  # noqa: PLE0704 - the database error being handled
    response = _response(entry, language)
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
        language = negotiate_language(request)
    except ValidationError:
        language = None  # render() answers with the 400
    key = _request_key(request, language) if language else None
    try:
        entry = valid_entry(key) if key else None
        if entry is None:
            entry = render_entry(render)
            if not isinstance(entry, CachedBody):
                patch_vary_headers(entry, VARY)
                return entry
            if key is not None:
                cache.set(key, entry, settings.API_SERVER_CACHE_SECONDS)
    except UNAVAILABLE_ERRORS:
        return stale_response(request, key, language)
    return respond(request, entry, language)


def respond(request, entry, language):
    """The response (or 304) for a cached body in ``language``."""
    response = _response(entry, language)
    return get_conditional_response(
        request, etag=entry.etag, last_modified=entry.last_modified, response=response
    )


def cached_response(request):
    """The response for ``request`` from a valid cached body, or None (a miss, or a request
    whose language is invalid: the view answers it)."""
    try:
        language = negotiate_language(request)
    except ValidationError:
        return None
    key = _request_key(request, language)
    try:
        entry = valid_entry(key)
    except UNAVAILABLE_ERRORS:
        return stale_response(request, key, language)
    if entry is None:
        return None
    response = respond(request, entry, language)
    response.api_cache_key = key  # the key of a valid body (never of a stale one)
    return response
