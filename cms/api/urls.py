"""The public API v1 (mounted at /api/v1/ by cms/urls.py).

Each app contributes its routes from ``<app>/api/urls.py``; importing them registers the page
types, after which the resolve and preview endpoints can describe every type in the schema.
"""

from django.urls import include, path, re_path

from home.api import urls as home_urls
from plan.api import urls as plan_urls
from resources.api import urls as resources_urls

from .endpoints import preview, resolve
from .endpoints.index import IndexView
from .endpoints.search import SearchView
from .endpoints.sitemap import SitemapView
from .errors import not_found

resolve.schema()
preview.schema()

app_name = "api-v1"

urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("", include(home_urls)),
    path("", include(plan_urls)),
    path("", include(resources_urls)),
    path("search/", SearchView.as_view(), name="search"),
    path("resolve/", resolve.ResolveView.as_view(), name="resolve"),
    path("sitemap/", SitemapView.as_view(), name="sitemap"),
    path("preview/", preview.PreviewView.as_view(), name="preview"),
    re_path(r"^.*$", not_found),
]
