"""The plan-template endpoints: a plan as a portable template, and the template's JSON Schema.

``GET /api/v1/plans/{id}/template/`` exports a public plan with its public strategies and
measures (see docs/template-format.md); ``GET /api/v1/schemas/plan-template.json`` serves the
JSON Schema kept in ``plan/schemas/``.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from cms.api.views import NOT_FOUND_RESPONSES, PublicAPIView, parse_id
from core.visibility import public_pages
from plan.models import ActionPlanPage
from plan.services.template.check import template_schema
from plan.services.template.export import export_plan

SCHEMA_MEDIA_TYPE = "application/schema+json"


class PlanTemplateView(PublicAPIView):
    """A public plan as a portable plan template, in every language it is published in."""

    @extend_schema(
        operation_id="plans_template",
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="A plan template (schema: /api/v1/schemas/plan-template.json).",
            ),
            **NOT_FOUND_RESPONSES,
        },
        tags=["plans"],
    )
    def get(self, request, pk):
        plan = public_pages(ActionPlanPage).filter(pk=parse_id(pk)).first()
        if plan is None:
            raise NotFound("No public plan with this id.")
        document, _report = export_plan(plan)
        return Response(document)


class PlanTemplateSchemaView(PublicAPIView):
    """The JSON Schema of plan templates."""

    @extend_schema(
        operation_id="schemas_plan_template",
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="A JSON Schema.")},
        tags=["plans"],
    )
    def get(self, request):
        return Response(template_schema(), content_type=SCHEMA_MEDIA_TYPE)
