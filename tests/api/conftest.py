"""Fixtures of the API tests: one install for the package and a clean cache per test."""

import pytest
from django.core.cache import cache
from django.db import transaction
from rest_framework.test import APIClient
from wagtail.signal_handlers import disable_reference_index_auto_update

from tests.installs import SharedInstall

from .content import build_content


def _build_content():
    with disable_reference_index_auto_update():  # unused by the API; faster to build
        return build_content()


#: The install of :mod:`tests.api.content`, built once per test process.
CONTENT = SharedInstall(_build_content)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Cached bodies are keyed by generation, which a test's rollback can reuse."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="package")
def content(django_db_setup, django_db_blocker):
    """The install of :mod:`tests.api.content`, rolled back after the package's tests."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield CONTENT.install()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def client(content, db):
    return APIClient()


@pytest.fixture
def get(client):
    """GET an API path and return the response; ``get(path, locale="en", **params)``."""

    def _get(url, /, headers=None, **params):
        return client.get(url, params, headers=headers or {})

    return _get
