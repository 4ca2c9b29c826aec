"""Finished answers of cache hits, remembered per process so that the next identical request
costs only the validity check.

The fast path (``cms.api.fastpath``) answers a hit with Django's own steps: the cache key
from a request, the cached body (unpickled), an ``HttpResponse`` and the response steps of the
middlewares. Their result is a function of a few values of the WSGI environ (method, path,
query, host, scheme, ``Accept-Language``, ``Origin``), today's date and the body itself. So
this process remembers, per such *variant*, the finished status line, header list and body
of a plain 200 hit with the cache key and ETag of its body; an identical request later is
answered with them once ``cms.api.validity.known_valid`` confirms, in its one small query,
that this body is still valid at the current generation. Anything else — an unknown variant,
a generation that moved, a conditional request (a 304 is decided by Django's code) — takes
the full path, which remembers its answer again.

The memory is bounded: at most ``API_REMEMBERED_ANSWERS`` answers and
``API_REMEMBERED_ANSWERS_MB`` megabytes of bodies, the least recently used dropped first; an
answer found no longer valid is dropped at once.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.utils import timezone

from .validity import known_valid

#: The environ values an answer depends on besides its body (see the module's description):
#: the request line, the host and scheme (the key's absolute URL, HSTS), the language and the
#: CORS request headers.
VARIANT_KEYS = (
    "REQUEST_METHOD",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "wsgi.url_scheme",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ORIGIN",
    "HTTP_ACCESS_CONTROL_REQUEST_PRIVATE_NETWORK",
)
#: Requests whose answer Django's conditional code decides (a 304 or a 412).
CONDITIONAL_KEYS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


@dataclass(frozen=True)
class Answer:
    """A finished hit: what the server sends, and the body it was made from."""

    key: str
    etag: str
    status: str
    headers: list
    body: bytes


class FinishedAnswers:
    """The per-process memo of finished answers by variant (least recently used first)."""

    def __init__(self, max_answers=None, max_bytes=None):
        if max_answers is None:
            max_answers = settings.API_REMEMBERED_ANSWERS
        if max_bytes is None:
            max_bytes = settings.API_REMEMBERED_ANSWERS_MB * 1024 * 1024
        self.max_answers = max_answers
        self.max_bytes = max_bytes
        self._answers = OrderedDict()
        self._bytes = 0
        self._keys = None
        self.enabled = True
        self._lock = threading.Lock()  # gunicorn may run threads (GUNICORN_THREADS)

    def variant(self, environ):
        """The variant of a request, or None if its answer must not come from here."""
        if self._keys is None:
            proxy = settings.SECURE_PROXY_SSL_HEADER
            self._keys = VARIANT_KEYS + ((proxy[0],) if proxy else ())
            # A receiver of django-cors-headers' signal may read anything of the request.
            self.enabled = not check_request_enabled.has_listeners()
        if not self.enabled:
            return None
        for name in CONDITIONAL_KEYS:
            if name in environ:
                return None
        get = environ.get
        return (timezone.localdate(), *[get(name) for name in self._keys])

    def valid_answer(self, variant):
        """The answer remembered for ``variant`` if its body is still valid (one query)."""
        answer = self._answers.get(variant)
        if answer is None:
            return None
        if not known_valid(answer.key, answer.etag):
            with self._lock:
                self._forget(variant, answer)
            return None
        with self._lock:
            if self._answers.get(variant) is answer:
                self._answers.move_to_end(variant)
        return answer

    def remember(self, variant, answer):
        if len(answer.body) > self.max_bytes:
            return
        with self._lock:
            self._forget(variant)
            self._answers[variant] = answer
            self._bytes += len(answer.body)
            while len(self._answers) > self.max_answers or self._bytes > self.max_bytes:
                self._forget(next(iter(self._answers)))

    def _forget(self, variant, answer=None):
        """Drop the answer of ``variant`` (only if it is ``answer``, when given)."""
        remembered = self._answers.get(variant)
        if remembered is not None and (answer is None or remembered is answer):
            del self._answers[variant]
            self._bytes -= len(remembered.body)
