"""Security headers: a Content-Security-Policy without inline scripts on every response."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("path", ["/admin/login/", "/api/docs/", "/api/v1/", "/healthz"])
def test_every_response_has_a_policy_without_inline_scripts(path):
    response = Client().get(path)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    if path.startswith("/admin/"):  # Wagtail's chooser widgets use inline scripts
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    else:
        assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_the_api_docs_load_their_script_from_a_file():
    page = Client().get("/api/docs/").content.decode()
    assert "<script>" not in page.replace(" ", "")
    script = Client().get("/api/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


def test_api_responses_keep_the_policy_built_once_per_process():
    """The API's policy is built once and reused: a cached answer and a view that changes its
    own policy get the same headers as when every response built it."""
    from csp.decorators import csp_update
    from django.http import HttpResponse
    from django.test import RequestFactory

    from cms.middleware import ContentSecurityPolicyMiddleware

    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    plain = [
        middleware(RequestFactory().get("/api/v1/"))["Content-Security-Policy"] for _ in range(2)
    ]
    assert plain[0] == plain[1]
    assert policy(Client().get("/api/v1/")) == policy(Client().get("/api/v1/"))

    @csp_update({"img-src": ["https://images.example.org"]})
    def view(request):
        return HttpResponse()

    changed = ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/api/v1/"))
    assert "https://images.example.org" in changed["Content-Security-Policy"]
    assert "https://images.example.org" not in plain[0]
