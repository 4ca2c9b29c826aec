"""The WSGI app gunicorn serves during the benchmark: the CMS as ``cms.wsgi`` serves it (cached
API answers in front of Django), with API v2 fields exposed for the baseline and the static
copy of a plan's JSON under /bench-static/ (the upper bound) in front of both."""

import os

from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()

from bench.v2 import expose_api_fields  # noqa: E402  (needs the apps loaded)
from cms.api.fastpath import CachedApiApplication  # noqa: E402
from cms.startup import freeze_loaded_objects  # noqa: E402

expose_api_fields()
application = WhiteNoise(
    CachedApiApplication(application),
    root=os.environ["BENCH_STATIC_ROOT"],
    prefix="bench-static/",
    autorefresh=False,
)
freeze_loaded_objects()  # as cms.wsgi does
