"""WSGI entry point (gunicorn cms.wsgi). Defaults to production settings.

Valid cached API answers are served in front of Django (``cms.api.fastpath``).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from cms.api.fastpath import CachedApiApplication  # noqa: E402  (needs the apps loaded)

application = CachedApiApplication(application)
