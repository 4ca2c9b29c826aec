"""WeasyPrint reads images from the media storage only: it never goes to the network."""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage


def local_media_fetcher(weasyprint):
    """A WeasyPrint URL fetcher for ``data:`` URLs and files under ``MEDIA_URL``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalMediaFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = unquote(urlsplit(url).path)
            if not path.startswith(settings.MEDIA_URL):
                raise ValueError(f"not fetched (only media files are read): {url}")
            name = path[len(settings.MEDIA_URL) :]
            with default_storage.open(name, "rb") as file:
                body = file.read()
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalMediaFetcher()
