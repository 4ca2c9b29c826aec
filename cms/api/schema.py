"""The OpenAPI document: /api/v1/ only (Wagtail's v2 API is generic), in English."""

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView


def only_public_api(endpoints):
    """drf-spectacular preprocessing hook: keep the endpoints under /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class SchemaView(SpectacularAPIView):
    """The OpenAPI document, in English unless ``?lang=`` asks for another language."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override(request.GET.get("lang") or "en"):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # lazy help texts are translated inside the override
            return response
