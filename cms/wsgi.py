"""WSGI entry point (gunicorn cms.wsgi). Defaults to production settings.

Valid cached API answers are served in front of Django (``cms.api.fastpath``). What is loaded
at startup is kept out of the garbage collector's work (``cms.startup``).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from cms.api.fastpath import CachedApiApplication  # noqa: E402  (needs the apps loaded)
from cms.startup import freeze_loaded_objects  # noqa: E402

application = CachedApiApplication(application)
freeze_loaded_objects()
