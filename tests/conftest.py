"""Fixtures shared by the whole suite.

Uploaded and generated files go to a temporary MEDIA_ROOT set in cms/settings/test.py, so
files made in setUpTestData are still there for the tests that read them. Installs that many
modules use (the demo content, the API tests' install, the fork tests' source plan) are built
once per test process and copied in where needed: see :mod:`tests.installs`.
"""

import pytest

from tests.demo import loaded_demo
from tests.installs import remember_migrated_database


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrated test database, whose rows every shared install starts from."""
    with django_db_blocker.unblock():
        remember_migrated_database()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content with its users, copied in once for the module and rolled back after."""
    yield from loaded_demo(django_db_blocker, tmp_path_factory)
