"""The reference website (``website/``) as the CMS serves it, and where page URLs lead.

The website is plain files that route in the browser through ``/api/v1/resolve/``. In
development the CMS serves it: its files at the site root (WhiteNoise, ``WHITENOISE_ROOT``) and
its ``index.html`` for every page path, ``/preview/`` and page 404s. With ``FRONTEND_BASE_URL``
set, the website lives elsewhere and page paths on the CMS redirect there.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseRedirect
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.defaults import page_not_found

WEBSITE_DIR = settings.BASE_DIR / "website"
#: The website's route that renders an editor's draft (wagtail-headless-preview's client).
PREVIEW_PATH = "/preview/"
#: The attribute of Wagtail's preview request that carries the editor's origin.
EDITOR_ORIGIN = "editor_origin"
#: Paths that are not the website's: their 404s stay Django's own.
NOT_WEBSITE_PREFIXES = ("/api/", "/admin/", "/django-admin/", "/documents/", "/media/", "/static/")


@cache
def _cached_index():
    return (WEBSITE_DIR / "index.html").read_bytes()


def _index_html():
    # Read on every request in development so edits show at once.
    return (WEBSITE_DIR / "index.html").read_bytes() if settings.DEBUG else _cached_index()


def frontend_url(path):
    """``path`` on the separately deployed website (FRONTEND_BASE_URL)."""
    return f"{settings.FRONTEND_BASE_URL.rstrip('/')}{path}"


@xframe_options_sameorigin  # the admin's preview panel shows the website in a frame
def website_page(request, status=200):
    """The website's ``index.html``, or a redirect to the website when it lives elsewhere."""
    if settings.FRONTEND_BASE_URL:
        return HttpResponseRedirect(frontend_url(request.get_full_path()))
    response = HttpResponse(_index_html(), content_type="text/html; charset=utf-8", status=status)
    response["Cache-Control"] = "no-cache"
    return response


def not_found(request, exception=None):
    """A 404: the website's own "not found" page for page paths, Django's for the rest."""
    if request.path_info.startswith(NOT_WEBSITE_PREFIXES) or settings.FRONTEND_BASE_URL:
        return page_not_found(request, exception)
    return website_page(request, status=404)


def request_origin(request):
    """``scheme://host:port`` of a request, or "" (for a preview: the editor's own request)."""
    if request is None:
        return ""
    if getattr(request, EDITOR_ORIGIN, ""):
        return getattr(request, EDITOR_ORIGIN)
    try:
        return f"{request.scheme}://{request.get_host()}"
    except (DisallowedHost, KeyError):
        return ""


def preview_client_url(request=None):
    """Where editors' previews are shown: the website's preview route.

    ``HEADLESS_PREVIEW_URL`` when set; else ``/preview/`` on ``FRONTEND_BASE_URL``; else on the
    host the editor is using (so ``make demo`` on any port works), or ``WAGTAILADMIN_BASE_URL``
    without a request.
    """
    if settings.HEADLESS_PREVIEW_URL:
        return settings.HEADLESS_PREVIEW_URL
    base = settings.FRONTEND_BASE_URL or request_origin(request) or settings.WAGTAILADMIN_BASE_URL
    return f"{base.rstrip('/')}{PREVIEW_PATH}"
