"""Routes of the plan endpoints under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .pdf import PlanPdfView
from .report import PlanReportView
from .template import PlanTemplateSchemaView, PlanTemplateView
from .views import MeasureViewSet, PlanViewSet

router = SimpleRouter()
router.register("plans", PlanViewSet, basename="plan")
router.register("measures", MeasureViewSet, basename="measure")

urlpatterns = [
    path("plans/<str:pk>/template/", PlanTemplateView.as_view(), name="plan-template"),
    path("plans/<str:pk>/pdf/", PlanPdfView.as_view(), name="plan-pdf"),
    path("plans/<str:pk>/report/", PlanReportView.as_view(), name="plan-report"),
    path(
        "schemas/plan-template.json",
        PlanTemplateSchemaView.as_view(),
        name="plan-template-schema",
    ),
    *router.urls,
]
