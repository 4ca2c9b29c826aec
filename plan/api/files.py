"""What the plan endpoints that answer with a file (PDF, spreadsheet, CSV) share."""

import hashlib

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import DefaultContentNegotiation

from cms.api.caching import add_public_headers
from cms.api.generation import current_generation
from cms.api.views import PublicAPIView, parse_id
from core.visibility import public_pages
from plan.models import ActionPlanPage


class FirstRendererNegotiation(DefaultContentNegotiation):
    """Errors of a file endpoint are JSON whatever the client accepts (e.g. application/pdf)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class PlanFileView(PublicAPIView):
    """A public plan as a file; errors in the API's JSON format."""

    cache_responses = False  # the file itself is cached by its service
    content_negotiation_class = FirstRendererNegotiation

    def public_plan(self, pk):
        plan = public_pages(ActionPlanPage).filter(pk=parse_id(pk)).first()
        if plan is None:
            raise NotFound("No public plan with this id.")
        return plan.specific

    def file_response(self, request, content, content_type, filename, inline=False):
        """``content`` with the public caching headers, or a 304 when the client has it."""
        generation = current_generation()
        etag = f'"{generation.value}-{hashlib.sha256(content).hexdigest()[:20]}"'
        response = HttpResponse(content, content_type=content_type)
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        add_public_headers(response, etag, generation.last_modified)
        return get_conditional_response(
            request, etag=etag, last_modified=generation.last_modified, response=response
        )

    def finalize_response(self, request, response, *args, **kwargs):
        if getattr(response, "data", None) is None:  # a file: nothing to resolve
            return generics.GenericAPIView.finalize_response(
                self, request, response, *args, **kwargs
            )
        return super().finalize_response(request, response, *args, **kwargs)
