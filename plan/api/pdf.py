"""``GET /api/v1/plans/{id}/pdf/?locale=…``: a public plan as its printable document."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import APIException

from cms.api.errors import ErrorSerializer
from cms.api.views import LOCALE_PARAMETER, NOT_FOUND_RESPONSES
from plan.services.pdf import PDF_MEDIA_TYPE, PdfUnavailable, pdf_filename, plan_pdf

from .files import PlanFileView


class PdfUnavailableError(APIException):
    status_code = 503
    default_detail = "PDFs cannot be made on this server (WeasyPrint or pango is missing)."
    default_code = "pdf_unavailable"


class PlanPdfView(PlanFileView):
    """A public plan as a tagged A4 PDF in the requested language (public content only)."""

    @extend_schema(
        parameters=[LOCALE_PARAMETER],
        responses={
            (200, PDF_MEDIA_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF."),
            **NOT_FOUND_RESPONSES,
            503: OpenApiResponse(ErrorSerializer, description="No PDF renderer on the server."),
        },
        operation_id="plans_pdf",
        tags=["plans"],
        description=(
            "The plan in the shape of the printed original: cover, contents with page "
            "numbers, chapters 1–3, quotations and contact information. Cached per plan, "
            "language and content generation."
        ),
    )
    def get(self, request, pk):
        plan = self.public_plan(pk)
        language = self.locales.language
        try:
            content = plan_pdf(plan, language)
        except PdfUnavailable as error:
            raise PdfUnavailableError() from error
        return self.file_response(
            request, content, PDF_MEDIA_TYPE, pdf_filename(plan, language), inline=True
        )
