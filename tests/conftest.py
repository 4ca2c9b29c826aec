"""Fixtures shared by the whole suite.

Uploaded and generated files go to a temporary MEDIA_ROOT set in cms/settings/test.py, so
files made in setUpTestData are still there for the tests that read them.
"""

import pytest

#: Packages whose tests share one expensive fixture (the API's install, built per package).
SHARED_PACKAGES = ("tests/api/",)


def pytest_collection_modifyitems(config, items):
    """Keep the tests that share a fixture on one xdist worker (``make test``: loadgroup).

    pytest tears down a module- or package-scoped fixture as soon as a worker runs a test from
    elsewhere, so handing out single tests makes each worker rebuild the API install and the
    demo content many times. Grouped by module (by package for ``SHARED_PACKAGES``), each is
    built once per group.
    """
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        group = next((package for package in SHARED_PACKAGES if path.startswith(package)), path)
        item.add_marker(pytest.mark.xdist_group(group))
