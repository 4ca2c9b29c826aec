"""Public URLs: website URLs of pages and absolute URLs of documents and image files."""

from django.conf import settings


def site_relative_path(url_path):
    """The path of a page below its locale's home page, e.g. "/nordland/handlingsplan/".

    Every locale's home page is a child of the tree root (see ``ensure_home_page``), so the
    first segment of Wagtail's ``url_path`` is the home page's slug and is dropped.
    """
    parts = url_path.split("/", 2)
    return "/" + (parts[2] if len(parts) > 2 else "")


def page_url(language_code, url_path):
    """The public website URL of a page, e.g. ``https://site/nb/nordland/handlingsplan/``."""
    return f"{settings.FRONTEND_BASE_URL.rstrip('/')}/{language_code}{site_relative_path(url_path)}"


def asset_url(url):
    """An absolute URL for a file served by the CMS (documents, image renditions)."""
    if not url or "://" in url:
        return url
    return f"{settings.API_ASSET_BASE_URL.rstrip('/')}{url}"
