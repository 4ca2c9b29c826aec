"""Production settings: every secret from the environment, secure defaults, hard failures."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, WEBHOOK_SECRET, WEBHOOK_URLS, task_backends
from .env import env_bool, env_int, env_list, env_str

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
# Django's own rule for a strong key (security.W009): 50 characters, 5 of them distinct.
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: it needs at least 50 characters with at least 5 "
        "different ones, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
# No localhost default in production: the host names must be given.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz and /readyz answer plain HTTP for the load balancer's probes.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# HSTS: browsers use HTTPS only, for a year by default (0 turns it off).
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if WEBHOOK_URLS and len(WEBHOOK_SECRET) < 32:
    raise ImproperlyConfigured(
        "WEBHOOK_SECRET must be set (at least 32 characters) when WEBHOOK_URLS is set."
    )
# A publish must never wait for webhooks, CDN purges or cache warming.
BACKGROUND_TASKS = env_str("BACKGROUND_TASKS", "database")
TASKS = task_backends(BACKGROUND_TASKS)
API_WARM_CACHE = env_bool("API_WARM_CACHE", True)
