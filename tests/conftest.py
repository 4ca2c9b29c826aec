"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a temporary folder, never into the repo."""
    settings.MEDIA_ROOT = tmp_path / "media"
