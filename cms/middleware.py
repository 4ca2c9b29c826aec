"""Middleware of the project."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

#: Paths that are not pages: a 404 there stays a 404 instead of a redirect to /nb/….
NON_PAGE_PREFIXES = ("/api/", "/admin/", "/django-admin/", "/documents/", "/media/", "/static/")
#: The admin speaks ADMIN_LANGUAGE_CODE whatever the browser asks for; editors who want
#: another language choose it in their account settings.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PageLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, redirecting to a language prefix only for page paths.

    Wagtail's catch-all page route makes every path look valid under ``/nb/``, so the stock
    middleware would answer a 404 of the API or the document server with a redirect. In the
    admin it starts from ADMIN_LANGUAGE_CODE (Bokmål) instead of the browser's languages;
    Wagtail then applies the editor's own choice of language, if any.
    """

    def process_request(self, request):
        if request.path_info.startswith(ADMIN_PREFIXES):
            translation.activate(settings.ADMIN_LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(NON_PAGE_PREFIXES):
            response.headers.setdefault("Content-Language", translation.get_language())
            patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)


#: What the admin adds to CONTENT_SECURITY_POLICY: Wagtail 7.4's chooser and date widgets and
#: its inline panels initialise themselves with inline scripts that carry no nonce (and cannot
#: be hashed: they hold field ids); docs/deployment.md lists them and why a nonce cannot help.
#: Everything else (the API, its docs, the website's pages) runs without inline scripts.
ADMIN_POLICY_UPDATE = {"script-src": ["'unsafe-inline'"]}


#: Response attributes through which a view changes its policy (django-csp's decorators).
POLICY_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with inline scripts allowed in the admin only.

    The public API's responses all get the same policy (no nonce, no per-view changes), so it
    is built once per process and reused: building it was a fifth of a cached API answer.
    """

    _api_headers = None

    def process_response(self, request, response):
        if not self._plain_api_response(request, response):
            return super().process_response(request, response)
        if self._api_headers is None:
            response = super().process_response(request, response)
            self._api_headers = {
                name: response[name]
                for name in ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
                if name in response
            }
            return response
        for name, value in self._api_headers.items():
            response.headers.setdefault(name, value)
        return response

    @staticmethod
    def _plain_api_response(request, response):
        return (
            request.path_info.startswith("/api/")
            and getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in POLICY_ATTRIBUTES)
            and not (settings.DEBUG and response.status_code in (404, 500))
        )

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES) and parts.update is None:
            return PolicyParts(parts.config, ADMIN_POLICY_UPDATE, parts.replace, parts.nonce)
        return parts
