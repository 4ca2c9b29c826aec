"""Valid cached API answers served in front of Django: a WSGI wrapper (``cms.wsgi``).

A cache hit needs nothing of Django's request handling but the cache lookup and the response
headers of the middlewares in front of the response cache (security headers, the API's
Content-Security-Policy, CORS). :class:`CachedApiApplication` answers GET and HEAD requests
under ``/api/v1/`` whose body is cached and still valid (checked in the database in one small
query, see ``cms.api.validity``) with the response Django would give: the same lookup
(``cms.api.caching.cached_response``), then the response steps of those middlewares (instances
of the same classes), and Django's ``request_started`` and ``request_finished`` signals, so
database connections are opened, reused and closed as for any other request.

Everything else goes to Django unchanged: misses, a language the view rejects (its 400),
preflights, redirects to HTTPS, answers other than 200 and 304 (a failed precondition), and
any error (Django answers and logs it as before). If the middlewares in front of the cache are
not the ones this module knows, it steps aside altogether.
"""

import logging
from pathlib import Path

from corsheaders.middleware import CorsMiddleware
from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIRequest
from django.middleware.security import SecurityMiddleware

from cms.availability import UNAVAILABLE_ERRORS
from cms.middleware import ContentSecurityPolicyMiddleware

from .answers import Answer, FinishedAnswers
from .caching import cached_response
from .middleware import API_PREFIX, LOOKED_UP

logger = logging.getLogger(__name__)

#: The start of settings.MIDDLEWARE the wrapper stands in for: the middlewares in front of
#: the response cache (WhiteNoise adds nothing to a response it does not serve) and the cache.
FRONT_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.api.middleware.CachedApiResponseMiddleware",
)
#: What a hit answers; anything else (412) is left to Django, which logs it.
SERVED_STATUSES = frozenset({200, 304})


def _never_called(request):  # pragma: no cover - the middlewares' get_response is not used
    raise AssertionError("The fast path calls only the middlewares' request and response steps.")


def stands_in_for_middleware():
    """Whether the middlewares in front of the cache are the ones the wrapper knows, and
    WhiteNoise cannot serve a file under the API's prefix."""
    if tuple(settings.MIDDLEWARE[: len(FRONT_MIDDLEWARE)]) != FRONT_MIDDLEWARE:
        return False
    root = getattr(settings, "WHITENOISE_ROOT", None)
    shadowed = root is not None and (Path(root) / API_PREFIX.strip("/").split("/")[0]).exists()
    return not shadowed and not settings.STATIC_URL.startswith(API_PREFIX)


class CachedApiApplication:
    """Answer valid cache hits of the public API before ``application`` (Django) runs."""

    def __init__(self, application):
        self.application = application
        self.enabled = stands_in_for_middleware()
        if not self.enabled:
            logger.warning(
                "Cached API answers go through Django: MIDDLEWARE does not start with %s.",
                ", ".join(FRONT_MIDDLEWARE),
            )
        self.security = SecurityMiddleware(_never_called)
        self.csp = ContentSecurityPolicyMiddleware(_never_called)
        self.cors = CorsMiddleware(_never_called)
        self.answers = FinishedAnswers()

    def __call__(self, environ, start_response):
        response = self._hit(environ) if self._may_answer(environ) else None
        if response is None:
            return self.application(environ, start_response)
        if isinstance(response, Answer):
            start_response(response.status, list(response.headers))
            return RememberedBody(response.body, sender=type(self))
        # As Django's WSGIHandler: the server's close() of the response sends request_finished.
        response._handler_class = type(self)
        start_response(f"{response.status_code} {response.reason_phrase}", [*response.items()])
        return response

    def _may_answer(self, environ):
        return (
            self.enabled
            and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
            and environ.get("PATH_INFO", "").startswith(API_PREFIX)
        )

    def _hit(self, environ):
        """The response to a valid cache hit, or None (Django answers)."""
        signals.request_started.send(sender=type(self), environ=environ)
        try:
            response = self._answer(environ)
        except Exception:  # Django answers it, and logs it if it fails there too
            logger.debug("Cached API answer left to Django", exc_info=True)
            response = None
        if response is None:
            signals.request_finished.send(sender=type(self))
        return response

    def _answer(self, environ):
        variant = self.answers.variant(environ)
        if variant is not None:
            try:
                answer = self.answers.valid_answer(variant)
            except UNAVAILABLE_ERRORS:  # the full path serves the last body (stale-if-error)
                answer = None
            if answer is not None:
                return answer
        response = self._response(environ)
        if variant is not None and response is not None:
            self._remember(variant, response)
        return response

    def _remember(self, variant, response):
        """Remember a plain 200 hit of a valid body (not a 304, not a stale body)."""
        key = getattr(response, "api_cache_key", None)
        if response.status_code == 200 and key is not None:
            status = f"{response.status_code} {response.reason_phrase}"
            self.answers.remember(
                variant,
                Answer(key, response["ETag"], status, [*response.items()], response.content),
            )

    def _response(self, environ):
        """The response of Django's steps for a valid hit, or None."""
        # A copy: Django's request writes the decoded path into its environ, and Django must
        # get the one the server gave (a path that is not UTF-8 is its 400).
        request = WSGIRequest(environ.copy())
        if self.security.process_request(request) is not None:  # a redirect to HTTPS
            return None
        response = cached_response(request)
        if response is None:
            environ[LOOKED_UP] = True
            return None
        if response.status_code not in SERVED_STATUSES:
            return None
        # The middlewares' response steps, innermost first as in Django's chain.
        self.csp.process_request(request)
        response = self.cors.add_response_headers(request, response)
        response = self.csp.process_response(request, response)
        return self.security.process_response(request, response)


class RememberedBody(list):
    """The body of a remembered answer: one chunk, which the server writes at once; closing
    it ends the request as closing Django's response does."""

    def __init__(self, body, sender):
        super().__init__((body,))
        self.sender = sender

    def close(self):
        signals.request_finished.send(sender=self.sender)
