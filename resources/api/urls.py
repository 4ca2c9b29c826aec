"""Routes of the resource and event endpoints under /api/v1/."""

from rest_framework.routers import SimpleRouter

from .views import EventViewSet, ResourceViewSet

router = SimpleRouter()
router.register("resources", ResourceViewSet, basename="resource")
router.register("events", EventViewSet, basename="event")

urlpatterns = router.urls
