"""Settings shared by every environment. Everything that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .caches import redis_caches
from .env import env_bool, env_int, env_list, env_str
from .sqlite import SQLITE_ENGINE, sqlite_options

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "core",
    "home",
    "access",
    "plan",
    "resources",
    "demo",
    "assets",
    "translations",
    "operations",
    "cms.api",
    "webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tasks_db",
    "corsheaders",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.api.middleware.CachedApiResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PageLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite for the zero-setup demo, PostgreSQL (psycopg 3) when DATABASE_URL says so.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        # A persistent connection is checked before each request reuses it, so no request
        # fails on a connection that died in a short outage.
        conn_health_checks=True,
    )
}
IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == SQLITE_ENGINE:
    DATABASES["default"]["OPTIONS"] = sqlite_options()
if IS_POSTGRESQL:
    # Fail fast (a JSON 503, see cms.availability) instead of hanging when the database is down.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DB_CONNECT_TIMEOUT", 3
    )
    # No JIT compilation: the API's queries are short, but a few (a filter with an OR over the
    # page tree) are estimated above jit_above_cost, and compiling them took 30-40 ms for a
    # query that runs in 8 (the plan detail's page references, docs/performance.md).
    _options = DATABASES["default"]["OPTIONS"].get("options", "")
    DATABASES["default"]["OPTIONS"]["options"] = f"{_options} -c jit=off".strip()
#: Seconds a client is asked to wait (Retry-After) when the database cannot be reached.
DATABASE_RETRY_AFTER_SECONDS = env_int("DATABASE_RETRY_AFTER", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Logins: failed attempts are counted per user name and per client address (django-axes); after
# LOGIN_FAILURE_LIMIT failures either is locked for LOGIN_LOCKOUT_MINUTES (429, see
# cms.logins). `python manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS` unlock.
AUTHENTICATION_BACKENDS = [
    "cms.logins.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.logins.locked_out"
AXES_CLIENT_IP_CALLABLE = "cms.logins.client_ip"
AXES_VERBOSE = False
#: How many reverse proxies in front of the app append to X-Forwarded-For (0: use the peer).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. The admin speaks Norwegian Bokmål by default; content languages come
# from CONTENT_LANGUAGES (the first one is the default locale of the content tree).
KNOWN_CONTENT_LANGUAGES = {
    "nb": _("Norwegian Bokmål"),
    "nn": _("Norwegian Nynorsk"),
    "en": _("English"),
    "se": _("Northern Sami"),
    "smj": _("Lule Sami"),
    "sma": _("Southern Sami"),
}
# Django knows no Sami language; these entries give them their own names.
LANG_INFO.update(
    {
        "se": {
            "bidi": False,
            "code": "se",
            "name": "Northern Sami",
            "name_local": "davvisámegiella",
        },
        "smj": {"bidi": False, "code": "smj", "name": "Lule Sami", "name_local": "julevsámegiella"},
        "sma": {
            "bidi": False,
            "code": "sma",
            "name": "Southern Sami",
            "name_local": "åarjelsaemien gïele",
        },
    }
)
CONTENT_LANGUAGE_CODES = env_list("CONTENT_LANGUAGES", "nb,en")
_unknown_languages = [c for c in CONTENT_LANGUAGE_CODES if c not in KNOWN_CONTENT_LANGUAGES]
if _unknown_languages or not CONTENT_LANGUAGE_CODES:
    raise ImproperlyConfigured(
        "CONTENT_LANGUAGES must be a comma-separated list of "
        f"{', '.join(KNOWN_CONTENT_LANGUAGES)}; "
        f"unknown: {', '.join(_unknown_languages) or '(empty)'}."
    )
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    (code, KNOWN_CONTENT_LANGUAGES[code]) for code in CONTENT_LANGUAGE_CODES
]
LANGUAGE_CODE = CONTENT_LANGUAGE_CODES[0]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk (bokmål)"), ("en", "English")]
# The admin's language when an editor has not chosen one (not the browser's language).
ADMIN_LANGUAGE_CODE = env_str("ADMIN_LANGUAGE", "nb")
if ADMIN_LANGUAGE_CODE not in dict(WAGTAILADMIN_PERMITTED_LANGUAGES):
    raise ImproperlyConfigured(
        f"ADMIN_LANGUAGE must be one of {', '.join(dict(WAGTAILADMIN_PERMITTED_LANGUAGES))}."
    )
# Editors without a language of their own (and their e-mails) get ADMIN_LANGUAGE_CODE.
WAGTAILADMIN_DEFAULT_LANGUAGE = ADMIN_LANGUAGE_CODE
# The project's own strings first, then its Bokmål for Wagtail's and wagtail-localize's strings
# that their own catalogues lack (Python, templates and JavaScript).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# Static files and uploads.
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
#: The reference website's files (index.html, config.js, site/…) at the site root.
WHITENOISE_ROOT = BASE_DIR / "website"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: console in development; SMTP configured through EMAIL_* in production.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "handlingsplan@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Cache: local memory by default, Redis when REDIS_URL is set. Redis being down must not take
# the API down: errors are logged and ignored (a miss), and the client reconnects by itself.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, env_str("CACHE_KEY_PREFIX", "handlingsplan"))
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "cms.cache"

# Wagtail.
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Handlingsplan CMS")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Dates in the admin as Norwegians write them (dd.mm.åååå); no avatars from outside services.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No "What's new in Wagtail" banner for editors: it is about Wagtail, in English.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_USER_LOGIN_FORM = "home.login.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "assets.CreditedImage"
# The admin calls no third party: no Gravatar avatars, no check for new Wagtail releases (both
# would also be blocked by the Content-Security-Policy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "norwegian"} if IS_POSTGRESQL else {}),
    }
}
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The public website that reads the API; used to build public URLs and preview links. Empty:
# the CMS serves the reference website (website/) itself and page URLs show it.
FRONTEND_BASE_URL = env_str("FRONTEND_BASE_URL", "")
# The website's preview route. Empty: /preview/ on FRONTEND_BASE_URL, else on the host the
# editor uses (core/website.py, preview_client_url).
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL", "")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": False,
}

# API.
#: max-age of public API responses for browsers and CDNs.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
#: How long a response body stays in Django's cache. A publish makes it stale at once (the
#: content generation is part of the key); only time-dependent output (scheduled expiry) can
#: lag by up to this long.
API_SERVER_CACHE_SECONDS = env_int("API_SERVER_CACHE_SECONDS", 300)
#: max-age of lists (search, sitemap, every paginated list), which the CDN is not told to purge
#: one by one, and how long it may serve them stale while it fetches a fresh copy.
API_LIST_CACHE_SECONDS = env_int("API_LIST_CACHE_SECONDS", 10)
API_STALE_WHILE_REVALIDATE_SECONDS = env_int("API_STALE_WHILE_REVALIDATE_SECONDS", 60)
#: The API's public address as the website and the CDN see it: purged URLs and the cache warmed
#: after a publish use it.
API_PUBLIC_BASE_URL = env_str("API_PUBLIC_BASE_URL", "")
#: Render the responses a publish changed in the background, so the website's next request
#: is a cache hit. Off by default where background tasks run in the editor's request.
API_WARM_CACHE = env_bool("API_WARM_CACHE", False)
#: Absolute base of document and image URLs in API output (the CMS's public address).
API_ASSET_BASE_URL = env_str("API_ASSET_BASE_URL", WAGTAILADMIN_BASE_URL)
#: The renditions every image gets in API output: name → Wagtail filter spec.
API_IMAGE_RENDITIONS = {
    "small": "max-400x400",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}
#: At most this many search hits are considered (then paginated).
API_SEARCH_MAX_HITS = env_int("API_SEARCH_MAX_HITS", 500)
#: Finished cache hits each server process keeps in memory (``cms.api.answers``): at most this
#: many answers and this many megabytes of bodies, the least recently used dropped first.
API_REMEMBERED_ANSWERS = env_int("API_REMEMBERED_ANSWERS", 300)
API_REMEMBERED_ANSWERS_MB = env_int("API_REMEMBERED_ANSWERS_MB", 32)

# CDN: affected API URLs are purged through wagtail.contrib.frontend_cache after each change.
# FRONTEND_CACHE_PURGE_URL names an HTTP cache (e.g. Varnish) that accepts PURGE requests;
# other backends (Cloudflare, CloudFront, Azure) can be configured in WAGTAILFRONTENDCACHE.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Background tasks (django-tasks). Wagtail's own tasks (search and reference index) run
# immediately on the "default" backend; CDN purges, webhooks and cache warming run on
# "background": in the database with `manage.py db_worker` ("database"), or at once in the
# process that committed the change ("immediate", the development default).
_BACKGROUND_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_backends(background):
    """TASKS with the "background" backend named by BACKGROUND_TASKS."""
    if background not in _BACKGROUND_BACKENDS:
        raise ImproperlyConfigured(
            f"BACKGROUND_TASKS must be one of {', '.join(_BACKGROUND_BACKENDS)}, "
            f"not {background!r}."
        )
    return {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": _BACKGROUND_BACKENDS[background]},
    }


BACKGROUND_TASKS = env_str("BACKGROUND_TASKS", "immediate")
TASKS = task_backends(BACKGROUND_TASKS)

# Webhooks: a signed JSON POST to each URL after a publish, unpublish or delete commits.
WEBHOOK_URLS = env_list("WEBHOOK_URLS", "")
WEBHOOK_SECRET = env_str("WEBHOOK_SECRET", "")
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 5)
#: The wait before the first retry; it doubles with every further attempt.
WEBHOOK_RETRY_SECONDS = env_int("WEBHOOK_RETRY_SECONDS", 30)

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", "")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Browser code may read the validators and the language, and revalidate with them.
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Content-Language"]
CORS_ALLOW_HEADERS = [
    *default_cors_headers,
    "accept-language",
    "if-none-match",
    "if-modified-since",
]
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "cms.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Handlingsplan CMS API",
    "DESCRIPTION": "Read-only API of the action plans of Norsk kulturskoleråd's county branches.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "OAS_VERSION": "3.1.0",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["cms.api.schema.only_public_api"],
    "ENUM_NAME_OVERRIDES": {
        "MeasureStatusEnum": "plan.models.measure.MeasureStatus",
        "RedirectStatusEnum": [(301, "Moved permanently"), (302, "Found")],
        "SearchTypeEnum": ["plan", "measure", "resource", "event"],
        **{
            f"{name.title().replace('_', '')}TypeEnum": [name]
            for name in (
                "home",
                "branch",
                "plan",
                "strategy",
                "measure",
                "resource_index",
                "resource",
                "event_index",
                "event",
            )
        },
    },
}

# The password `load_demo_content` gives the demo admin (a local demo only; see README).
DEMO_ADMIN_PASSWORD = env_str("DEMO_ADMIN_PASSWORD")
# Content-Security-Policy (django-csp) of every response: the API and its docs run without
# inline scripts; Wagtail's admin needs inline style attributes, and inline scripts for its
# chooser widgets (added for /admin/ only, see cms.middleware).
# Previews are framed from the website: on this host ('self') unless it has its own.
_PREVIEW_ORIGINS = sorted(
    {
        "{0.scheme}://{0.netloc}".format(urlsplit(url))
        for url in (HEADLESS_PREVIEW_URL, FRONTEND_BASE_URL)
        if urlsplit(url).netloc
    }
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *env_list("CSP_IMG_SRC", "")],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_PREVIEW_ORIGINS, *env_list("CSP_FRAME_SRC", "")],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

#: Networks that import_plan may fetch from although they are not public (tests only; never set
#: from the environment). Everything else that is not a public internet address is refused.
FETCH_ALLOWED_NETWORKS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail's background tasks (search index, reference index) log every run at INFO.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs every layout step of a PDF at INFO.
        "weasyprint.progress": {"level": "WARNING"},
        # django-axes logs every login at INFO; lockouts come at WARNING.
        "axes": {"level": "WARNING"},
    },
}
