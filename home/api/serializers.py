"""The JSON shapes of the home page and the county branches."""

from cms.api.serializers import (
    ChildrenField,
    ImageField,
    PageSerializer,
    RichTextField,
    children_field,
    page_fields,
    type_field,
)
from home.models import BranchPage, HomePage
from plan.api.serializers import PlanSerializer, contacts_field


class HomeSerializer(PageSerializer):
    type = type_field("home")
    intro = RichTextField()
    children = ChildrenField()

    class Meta:
        model = HomePage
        fields = page_fields("organisation_name", "intro", "children")


class BranchSerializer(PageSerializer):
    """A county branch with its contact persons and its public plans."""

    type = type_field("branch")
    intro = RichTextField()
    logo = ImageField(source="logo_id")
    contacts = contacts_field()
    plans = children_field(PlanSerializer)

    class Meta:
        model = BranchPage
        fields = page_fields("slug", "short_name", "intro", "logo", "contacts", "plans")
