"""``GET /api/v1/plans/{id}/report/``: the status report of a public plan (JSON, XLSX, CSV)."""

import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from cms.api.errors import invalid_parameter
from cms.api.views import LOCALE_PARAMETER, NOT_FOUND_RESPONSES
from core.models.relations import OrganisationLink
from plan.models import MeasureStatus
from plan.services.report import (
    CSV_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    plan_report,
    report_csv,
    report_json,
    report_xlsx,
)

from .files import PlanFileView

FORMATS = {
    "json": ("application/json", lambda report: json.dumps(report_json(report)).encode()),
    "xlsx": (XLSX_MEDIA_TYPE, report_xlsx),
    "csv": (CSV_MEDIA_TYPE, report_csv),
}


# --- The JSON shape, for the OpenAPI schema ---------------------------------------------------


class ReportPlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    branch = serializers.CharField()
    period = serializers.CharField(help_text='E.g. "2024–2025".')


class StatusCountSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=MeasureStatus.choices)
    label = serializers.CharField(help_text="In the requested language.")
    count = serializers.IntegerField()


class StrategyCountSerializer(serializers.Serializer):
    strategy = serializers.CharField()
    measures = serializers.IntegerField()
    by_status = serializers.DictField(
        child=serializers.IntegerField(), help_text="Status code → number of measures."
    )


class TotalsSerializer(serializers.Serializer):
    measures = serializers.IntegerField()
    by_status = StatusCountSerializer(many=True)
    by_strategy = StrategyCountSerializer(many=True)


class LatestUpdateSerializer(serializers.Serializer):
    date = serializers.DateField()
    note = serializers.CharField()


class ReportTimingSerializer(serializers.Serializer):
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    text = serializers.CharField()
    is_recurring = serializers.BooleanField()


class ReportPartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=OrganisationLink.Role.choices)


class ReportContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class ReportStatusSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=MeasureStatus.choices)
    label = serializers.CharField()


class ReportMeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    strategy = serializers.CharField()
    status = ReportStatusSerializer()
    latest_update = LatestUpdateSerializer(allow_null=True)
    timing = ReportTimingSerializer()
    partners = ReportPartnerSerializer(many=True)
    contacts = ReportContactSerializer(
        many=True, help_text="The measure's contact persons, else the plan's."
    )


class PlanReportSerializer(serializers.Serializer):
    plan = ReportPlanSerializer()
    locale = serializers.CharField()
    totals = TotalsSerializer()
    measures = ReportMeasureSerializer(many=True)


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=list(FORMATS),
    description="json (default), xlsx (a summary sheet and one sheet per strategy) or csv.",
)


class PlanReportView(PlanFileView):
    """The status report of a public plan for the annual meeting (published content only)."""

    @extend_schema(
        parameters=[LOCALE_PARAMETER, FORMAT_PARAMETER],
        responses={
            (200, "application/json"): PlanReportSerializer,
            (200, XLSX_MEDIA_TYPE): OpenApiResponse(OpenApiTypes.BINARY),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
            **NOT_FOUND_RESPONSES,
        },
        operation_id="plans_report",
        tags=["plans"],
        description=(
            "Every measure of the plan with its strategy, current status, latest status "
            "update, timing, partners and contact, and the number of measures per status and "
            "per strategy. Headings and labels in the requested language."
        ),
    )
    def get(self, request, pk):
        name = request.query_params.get("format", "json")
        if name not in FORMATS:
            raise invalid_parameter("format", f"format must be one of: {', '.join(FORMATS)}.")
        plan = self.public_plan(pk)
        language = self.locales.language
        content_type, write = FORMATS[name]
        report = plan_report(plan, language)
        filename = f"statusrapport-{plan.get_parent().slug}-{plan.slug}-{language}.{name}"
        return self.file_response(
            request, write(report), content_type, filename, inline=name == "json"
        )
