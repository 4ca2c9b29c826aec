"""The CMS's URLs plus Wagtail's API v2 at /api/v2/: the benchmark's baseline, never served by
the CMS itself."""

from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns

from .v2 import api_router

urlpatterns = [path("api/v2/", api_router.urls), *cms_urlpatterns]
