"""The demo content (the Nordland plan 2024–2025) for tests that read it.

:data:`DEMO` loads it once per test process (see :mod:`tests.installs`); the ``demo`` fixture
(in ``tests/conftest.py``) copies it in once per test module, inside a transaction that is
rolled back at the end, and each test runs in a savepoint on top of it.
"""

import socket
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from demo.loader import load_demo_content
from plan.models import ActionPlanPage
from tests.installs import SharedInstall

PLAN_SLUG = "handlingsplan-2024-2025"


@contextmanager
def network_blocked():
    """Refuse (and record) every attempt to reach the network from Python code."""
    attempts = []
    real_connect = socket.socket.connect

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError(f"network access during the demo load: {address}")
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        attempts.append(host)
        raise OSError(f"name lookup during the demo load: {host}")

    with (
        mock.patch.object(socket.socket, "connect", connect),
        mock.patch.object(socket, "getaddrinfo", getaddrinfo),
    ):
        yield attempts


def _load_demo():
    """Load the demo content (with its users) as ``manage.py load_demo_content`` does."""
    with network_blocked() as attempts:
        report = load_demo_content()
    return SimpleNamespace(report=report, network_attempts=attempts)


#: The demo content with its users (admin, redaktor, godkjenner); ``DEMO.install()`` returns
#: ``report`` (what the load created) and ``network_attempts`` (what it tried to reach).
DEMO = SharedInstall(_load_demo)


def loaded_demo(django_db_blocker, tmp_path_factory):
    """The demo content (a generator for a module fixture), rolled back afterwards."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root)),
        transaction.atomic(),
    ):
        demo = DEMO.install()
        cover = ActionPlanPage.objects.get(slug=PLAN_SLUG, locale__language_code="nb")
        demo.cover_path = Path(cover.cover_image.file.path)
        yield demo
        transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths; they belonged to the rolled-back data.


def plan_in(language_code):
    """The demo plan in ``language_code`` (the English one has an English slug)."""
    bokmal = ActionPlanPage.objects.get(slug=PLAN_SLUG, locale__language_code="nb")
    return ActionPlanPage.objects.get(
        translation_key=bokmal.translation_key, locale__language_code=language_code
    )


def children(page, model):
    return list(model.objects.child_of(page).order_by("path"))
