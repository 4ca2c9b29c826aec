"""County branches (by slug) and the home page (for resolve and preview)."""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_unicode_slug
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_view

from cms.api.dependencies import children_read_tags, record_many
from cms.api.errors import invalid_parameter
from cms.api.serializers import rows_prefetch
from cms.api.types import register_page_type
from cms.api.views import (
    PageViewSet,
    attach_children,
    default_descendants,
    locale_and_errors,
    localize,
)
from home.models import BranchContact, BranchPage, HomePage
from plan.models import ActionPlanPage

from .serializers import BranchSerializer, HomeSerializer

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[-\w]+$",
    description="The branch's slug, e.g. nordland.",
)


@extend_schema_view(
    list=locale_and_errors(responses=BranchSerializer(many=True)),
    retrieve=locale_and_errors(responses=BranchSerializer, parameters=[SLUG_PARAMETER]),
)
class BranchViewSet(PageViewSet):
    """The county branches with their contact persons and plans."""

    model = BranchPage
    serializer_class = BranchSerializer
    lookup_field = "slug"

    def prefetch(self, queryset):
        return queryset.prefetch_related(
            rows_prefetch("contacts", BranchContact.objects.select_related("contact"))
        )

    def attach(self, branches):
        """Each branch's public plans, newest period first, loaded for all branches at once."""
        if not branches:
            return
        below_branches = reduce(or_, (Q(path__startswith=b.tree_path) for b in branches))
        rows = (
            default_descendants(ActionPlanPage, self.locales, "", branches[0].depth + 1)
            .filter(below_branches)
            .order_by("-period_start", "path")
        )
        for branch in branches:
            record_many(children_read_tags(branch.tree_path))
        attach_children(self.api, branches, localize(ActionPlanPage, rows, self.locales))

    def get_object(self):
        slug = self.kwargs["slug"]
        try:
            validate_unicode_slug(slug)
        except DjangoValidationError:
            raise invalid_parameter("slug", _("slug must be a slug.")) from None
        objects = self.localize([self.get_default_row(slug=slug)])
        if not objects:
            raise Http404
        return objects[0]


class HomeViewSet(PageViewSet):
    """The home page has no endpoint of its own; resolve and preview show it this way."""

    model = HomePage
    serializer_class = HomeSerializer


register_page_type(HomePage, "home", HomeViewSet)
register_page_type(BranchPage, "branch", BranchViewSet)
