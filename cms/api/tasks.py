"""Background work after a content change: purge the CDN, warm the cache, tell listeners.

The tasks run on the ``background`` task backend (``BACKGROUND_TASKS``): the database backend
with a ``manage.py db_worker`` process in production, or immediately in development and tests.
"""

import logging

from django.conf import settings
from django.test import RequestFactory
from django.urls import resolve
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from core.languages import content_languages

from .changes import api_base_url, api_urls, content_changed

logger = logging.getLogger(__name__)

BACKGROUND = "background"


def purge(change):
    """Purge the affected API URLs, in every language, from the frontend caches."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache_task.call(api_urls(change["api_paths"]))


def warm(change):
    """Render the affected responses in every content language into the body cache, as the
    website will ask for them (``?locale=`` and ``Accept-Language``)."""
    if not settings.API_WARM_CACHE:
        return
    base = api_base_url()
    secure = base.startswith("https://")
    host = base.split("://", 1)[-1]
    factory = RequestFactory()
    for path in change["api_paths"]:
        match = resolve(path)
        for code in content_languages():
            for data, headers in (({"locale": code}, {}), ({}, {"accept-language": code})):
                request = factory.get(path, data, secure=secure, headers=headers, HTTP_HOST=host)
                try:
                    match.func(request, *match.args, **match.kwargs)
                except Exception:  # a failed warm-up only costs the website a miss
                    logger.exception("Could not warm the cache for %s", path)


@task(backend=BACKGROUND)
def process_change(change):
    """Everything that follows a committed change (``change`` as in ``cms.api.changes``)."""
    purge(change)
    warm(change)
    content_changed.send(sender=process_change, change=change)
