"""What a server process does once the application is loaded (``cms.startup``)."""

import gc

from django.urls import get_resolver

from cms.startup import freeze_loaded_objects


def test_loaded_objects_are_frozen_with_the_url_configuration():
    try:
        freeze_loaded_objects()
        assert gc.get_freeze_count() > 0
        assert "url_patterns" in get_resolver().__dict__  # loaded before the freeze
    finally:
        gc.unfreeze()
