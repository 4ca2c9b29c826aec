"""Fixtures of the plan tests."""

import pytest

from tests.plan.demo import loaded_demo


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for the module and rolled back afterwards."""
    yield from loaded_demo(django_db_blocker, tmp_path_factory)
