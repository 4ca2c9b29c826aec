"""Cached API answers in front of Django (``cms.api.fastpath``), called as a WSGI server calls
``cms.wsgi``: the same status, headers and body as Django's own answer, and only valid hits."""

from datetime import timedelta
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from corsheaders.signals import check_request_enabled
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.api import generation
from cms.api.fastpath import CachedApiApplication

ORIGIN = "https://www.kulturskoleradet.no"


@pytest.fixture(autouse=True)
def _connection_kept(settings):
    """As Django's test client does: the test's transaction keeps its connection between
    requests (the handlers would close it, as it is not in autocommit mode)."""
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


class Django:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def django_app(content, db):
    return Django()


@pytest.fixture
def fast_app(django_app):
    return CachedApiApplication(django_app)


def call(application, method, path, headers=None):
    """``(status, headers, body)`` of ``application`` for a request built as a server would."""
    environ = dict(RequestFactory().generic(method, path, headers=headers or {}).environ)
    # As the server gives it (the factory's request wrote the decoded path into its environ).
    environ["PATH_INFO"] = unquote_to_bytes(urlsplit(path).path).decode("iso-8859-1")
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, response_headers

    iterable = application(environ, start_response)
    try:
        body = b"".join(iterable)
    finally:
        iterable.close()
    return answer["status"], answer["headers"], body


def requests(content):
    plan = f"/api/v1/plans/{content.plan.pk}/"
    return [
        ("GET", plan, {}),
        ("GET", plan, {"origin": ORIGIN}),
        ("GET", plan, {"origin": "https://evil.example"}),
        ("HEAD", plan, {}),
        ("GET", plan, {"accept-language": "en-GB,en;q=0.8"}),
        ("GET", f"{plan}?locale=en", {"origin": ORIGIN}),
        ("GET", "/api/v1/measures/?limit=5&offset=1&locale=EN", {}),
        ("GET", "/api/v1/search/?q=nyhetsbrev", {"accept-language": "nb"}),
    ]


def test_a_hit_answers_as_django_does_without_reaching_it(content, django_app, fast_app):
    for method, path, headers in requests(content):
        first = call(django_app, method, path, headers)  # a miss: rendered and cached
        assert first[0] == "200 OK", (path, first)
        calls = django_app.calls
        fast = call(fast_app, method, path, headers)
        remembered = call(fast_app, method, path, headers)  # the finished answer again
        assert django_app.calls == calls, f"{method} {path} {headers} reached Django"
        assert fast == call(django_app, method, path, headers), (method, path, headers)
        assert remembered == fast, (method, path, headers)


def test_a_remembered_answer_checks_the_generation_in_one_query(content, fast_app):
    path = f"/api/v1/plans/{content.plan.pk}/"
    call(fast_app, "GET", path)
    call(fast_app, "GET", path)
    with CaptureQueriesContext(connection) as queries:
        status, _headers, _body = call(fast_app, "GET", path)
    assert status == "200 OK"
    [query] = queries
    assert query["sql"].startswith("SELECT value, ")
    assert query["sql"].endswith(" FROM api_contentgeneration")


def test_a_change_by_another_process_is_seen_by_a_remembered_answer(
    content, django_app, fast_app, monkeypatch
):
    path = f"/api/v1/plans/{content.plan.pk}/"
    call(fast_app, "GET", path)
    before = call(fast_app, "GET", path)
    bumps = generation.bumps_in_process
    measure = content.fresh(content.measures[0])
    measure.title = "Publisert av en annen server"
    measure.save_revision().publish()
    monkeypatch.setattr(generation, "bumps_in_process", bumps)  # as if another process did it
    after = call(fast_app, "GET", path)
    assert b"Publisert av en annen server" in after[2]
    assert dict(after[1])["ETag"] != dict(before[1])["ETag"]
    hit = call(fast_app, "GET", path)
    assert hit[2] == after[2]
    assert call(fast_app, "GET", path) == hit  # remembered again


def test_a_new_day_is_a_new_key(content, django_app, fast_app, monkeypatch):
    path = "/api/v1/events/"
    call(fast_app, "GET", path)
    call(fast_app, "GET", path)
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    calls = django_app.calls
    call(fast_app, "GET", path)
    assert django_app.calls == calls + 1  # tomorrow's list is rendered, not today's served


def test_a_revalidation_after_remembered_answers_is_a_304(content, django_app, fast_app):
    path = f"/api/v1/plans/{content.plan.pk}/"
    call(fast_app, "GET", path)
    _status, headers, _body = call(fast_app, "GET", path)
    condition = {"if-none-match": dict(headers)["ETag"]}
    fast = call(fast_app, "GET", path, condition)
    assert fast[0] == "304 Not Modified"
    assert fast == call(django_app, "GET", path, condition)


def test_remembered_answers_are_bounded(content, django_app, settings):
    settings.API_REMEMBERED_ANSWERS = 2
    fast_app = CachedApiApplication(django_app)
    paths = [f"/api/v1/plans/{content.plan.pk}/"]
    paths += [f"/api/v1/measures/{measure.pk}/" for measure in content.measures[:2]]
    for path in paths:
        call(fast_app, "GET", path)
        assert call(fast_app, "GET", path)[0] == "200 OK"
    remembered = [variant[3] for variant in fast_app.answers._answers]  # PATH_INFO
    assert remembered == paths[1:]


def test_remembered_bodies_are_bounded_in_megabytes(content, django_app, settings):
    settings.API_REMEMBERED_ANSWERS_MB = 0
    fast_app = CachedApiApplication(django_app)
    path = f"/api/v1/plans/{content.plan.pk}/"
    for _ in range(3):
        assert call(fast_app, "GET", path)[0] == "200 OK"
    assert not fast_app.answers._answers


def test_a_revalidation_is_a_304_as_from_django(content, django_app, fast_app):
    path = f"/api/v1/plans/{content.plan.pk}/?locale=en"
    _status, headers, _body = call(django_app, "GET", path, {"origin": ORIGIN})
    validators = dict(headers)
    for condition in (
        {"if-none-match": validators["ETag"]},
        {"if-modified-since": validators["Last-Modified"]},
    ):
        condition["origin"] = ORIGIN
        calls = django_app.calls
        fast = call(fast_app, "GET", path, condition)
        assert django_app.calls == calls
        assert fast[0] == "304 Not Modified" and fast[2] == b""
        assert fast == call(django_app, "GET", path, condition)
        assert ("access-control-allow-origin", ORIGIN) in [(k.lower(), v) for k, v in fast[1]]


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/api/v1/plans/?locale=xx", {}),  # the view's 400
        ("OPTIONS", "/api/v1/plans/", {"origin": ORIGIN, "access-control-request-method": "GET"}),
        ("GET", "/api/v1/plans/", {"if-match": '"0-other"'}),  # a failed precondition, 412
        ("GET", "/api/v1/plans/", {"host": "evil.example"}),  # a host not allowed, 400
        ("GET", "/api/v1/no-such-endpoint/", {}),
        ("GET", "/api/v1/plans/%F0%99%B5%9F%C3/report/", {}),  # not UTF-8 once decoded
        ("GET", "/api/v1/plans/%F0%99%B5%9F/pdf/", {}),
    ],
)
def test_everything_but_a_hit_goes_to_django(django_app, fast_app, method, path, headers):
    call(django_app, "GET", "/api/v1/plans/")
    call(django_app, "GET", "/api/v1/plans/?locale=xx")
    calls = django_app.calls
    fast = call(fast_app, method, path, headers)
    assert django_app.calls == calls + 1
    django = call(django_app, method, path, headers)
    assert (fast[0], fast[2]) == (django[0], django[2])
    assert fast[0] != "200 OK" or method == "OPTIONS"


def test_a_publish_makes_the_next_request_a_miss_with_the_new_content(
    content, django_app, fast_app
):
    path = f"/api/v1/plans/{content.plan.pk}/"
    call(fast_app, "GET", path)
    before = call(fast_app, "GET", path)
    measure = content.fresh(content.measures[0])
    measure.title = "Fadderordning i hurtigsvaret"
    measure.save_revision().publish()
    calls = django_app.calls
    after = call(fast_app, "GET", path)
    assert django_app.calls == calls + 1
    assert b"Fadderordning i hurtigsvaret" in after[2]
    assert dict(after[1])["ETag"] != dict(before[1])["ETag"]


def test_a_draft_never_shows(content, django_app, fast_app):
    path = f"/api/v1/plans/{content.plan.pk}/"
    call(fast_app, "GET", path)
    measure = content.fresh(content.measures[1])
    measure.title = "Utkast som ikke er publisert"
    measure.save_revision()
    for _ in range(2):
        status, _headers, body = call(fast_app, "GET", path)
        assert status == "200 OK"
        assert b"Utkast som ikke er publisert" not in body
    assert content.draft_measure.title.encode() not in body


def test_a_redirect_to_https_is_left_to_django(content, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    django_app = Django()  # the middlewares read these settings when they start
    fast_app = CachedApiApplication(django_app)
    calls = django_app.calls
    status, headers, _body = call(fast_app, "GET", "/api/v1/plans/")
    assert status.startswith("301") and django_app.calls == calls + 1


def test_strict_transport_security_over_https(content, db, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    django_app = Django()
    fast_app = CachedApiApplication(django_app)
    https = {"x-forwarded-proto": "https"}
    call(django_app, "GET", "/api/v1/plans/", https)
    fast = call(fast_app, "GET", "/api/v1/plans/", https)
    assert ("Strict-Transport-Security", "max-age=3600") in fast[1]
    assert fast == call(django_app, "GET", "/api/v1/plans/", https)
    assert "Strict-Transport-Security" not in dict(call(fast_app, "GET", "/api/v1/plans/")[1])


def test_other_middleware_in_front_of_the_cache_turns_the_fast_path_off(django_app, settings):
    settings.MIDDLEWARE = ["tests.api.test_fastpath.Nothing", *settings.MIDDLEWARE]
    assert not CachedApiApplication(django_app).enabled


class Nothing:
    """A middleware the fast path does not know."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)


def test_a_cors_signal_receiver_turns_remembered_answers_off(content, django_app):
    def allow_nothing_more(sender, request, **kwargs):
        return False

    check_request_enabled.connect(allow_nothing_more)
    try:
        fast_app = CachedApiApplication(django_app)
        path = f"/api/v1/plans/{content.plan.pk}/"
        call(fast_app, "GET", path)
        call(fast_app, "GET", path)
        assert not fast_app.answers._answers
    finally:
        check_request_enabled.disconnect(allow_nothing_more)
