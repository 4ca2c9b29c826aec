"""Test settings: fast password hashing, in-memory e-mail, predictable URLs.

The suite is hermetic: the settings read nothing from the caller's environment but the
database to run on (``DATABASE_URL``); every other variable takes its development default, so
e.g. a ``DEMO_ADMIN_PASSWORD`` or ``CONTENT_LANGUAGES`` exported for ``make demo`` does not
change what the tests see.
"""

import os
import tempfile
from pathlib import Path

from . import env

#: The only variables the test suite takes from the caller's environment.
PASSED_THROUGH = ("DATABASE_URL",)
env.ENVIRONMENT = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}

from .base import *  # noqa: E402, F403
from .env import env_str  # noqa: E402

SECRET_KEY = env_str("SECRET_KEY", "test-only-secret-key")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Uploaded and generated files of a test run go to a temporary folder, never into the repo.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="handlingsplan-test-media-"))
API_WARM_CACHE = False  # tests that need it turn it on

# Tests that restore the database after a flush (serialized_rollback) leave out the API's
# cache bookkeeping: its rows are recreated on demand, and a row made again after a flush
# (e.g. the "all" tag) would clash with the restored copy.
TEST_NON_SERIALIZED_APPS = ["cms.api"]
