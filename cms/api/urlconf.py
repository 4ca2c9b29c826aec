"""The project's URLconf without the language-prefixed page routes.

An API 404 sets it as ``request.urlconf`` so that LocaleMiddleware does not answer the 404
with a redirect to ``/nb/api/…`` (Wagtail's catch-all page route makes every such path look
valid). The request has been routed by then, so nothing else changes.
"""

from django.urls.resolvers import LocalePrefixPattern

from cms.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    pattern
    for pattern in project_urlpatterns
    if not isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern)
]
