"""The demo content, loaded once per module for the translation tests (rolled back afterwards)."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from demo.loader import load_demo_content


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content with its users (admin, redaktor, godkjenner)."""
    media_root = tmp_path_factory.mktemp("translation-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root)),
        transaction.atomic(),
    ):
        report = load_demo_content()
        yield SimpleNamespace(report=report)
        transaction.set_rollback(True)
    cache.clear()
