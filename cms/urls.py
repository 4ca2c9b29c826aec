"""URLs: the admin, documents, the public API, and Wagtail's page routes per language.

Wagtail's generic API v2 is not served: it does not apply the public-page rule of the API v1
(``core.visibility``). The benchmark mounts it for its baseline (``bench/urls.py``).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerSplitView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import availability
from cms.api.errors import not_found
from cms.api.schema import SchemaView
from core.website import PREVIEW_PATH, website_page

handler404 = "core.website.not_found"

handler500 = "cms.availability.server_error"

urlpatterns = [
    path("healthz", availability.healthz, name="healthz"),
    path("readyz", availability.readyz, name="readyz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("cms.api.urls")),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^api/", not_found),  # e.g. /api/v2/: a JSON 404
    # The reference website's preview route (page paths reach it through Page.serve).
    path(PREVIEW_PATH.lstrip("/"), website_page, name="website-preview"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
