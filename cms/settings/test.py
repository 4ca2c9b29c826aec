"""Test settings: fast password hashing, in-memory e-mail, predictable URLs."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env_str

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
