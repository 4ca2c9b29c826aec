"""What a server process does once the application is loaded (``cms/wsgi.py``).

An uncached plan detail builds some 100,000 short-lived objects (the rows read, the response's
dicts and lists), enough to start Python's full garbage collection every few requests. A full
collection walks every tracked object in the process, and about 160,000 of them are the
modules, classes, settings and URL patterns loaded at startup, which live as long as the
process: each such collection cost over 100 ms, some 12 ms (nb) to 20 ms (en) per uncached
plan detail on average. :func:`freeze_loaded_objects` moves what is loaded at startup out of
the collector's sight (``gc.freeze()``, as the Python documentation suggests for servers), so a
full collection walks only what requests made.
"""

import gc

from django.urls import get_resolver


def freeze_loaded_objects():
    """Load the URL configuration (Django imports it, and with it every view and serializer,
    on the first request), collect once, then exempt every object alive now from later
    collections."""
    get_resolver().url_patterns  # noqa: B018 - loads it
    gc.collect()
    gc.freeze()
