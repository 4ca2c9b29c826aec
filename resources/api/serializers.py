"""The JSON shapes of resource articles, events and their index pages."""

from rest_framework import serializers

from cms.api.labels import LabelField, register_codes
from cms.api.serializers import (
    AncestorRefField,
    ChildrenField,
    DocumentField,
    PageRefField,
    PageSerializer,
    RelatedListField,
    RichTextField,
    page_fields,
    type_field,
)
from core.tree import BRANCH_DEPTH
from plan.api.serializers import StreamItemsField, TimingSerializer
from plan.api.snippets import (
    OrganisationRoleSerializer,
    SnippetSerializer,
    TargetGroupSerializer,
)
from resources.models import (
    EventIndexPage,
    EventPage,
    ResourceArticlePage,
    ResourceIndexPage,
    Topic,
)

register_codes("event_kind", EventPage.Kind.choices)
register_codes("event_format", EventPage.Format.choices)


class TopicSerializer(SnippetSerializer):
    class Meta:
        model = Topic
        fields = [*SnippetSerializer.Meta.fields, "name", "slug"]


class PublicationSerializer(serializers.Serializer):
    title = serializers.CharField(source="publication_title")
    subtitle = serializers.CharField(source="publication_subtitle")
    authors = serializers.CharField(help_text='E.g. "Lars Ueland Kobro (red.)".')
    publisher = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    external_url = serializers.CharField(help_text="Where the publication is online.")


class MeasureIdsField(serializers.ListField):
    """The measures that link to the page, as the view found them (``ApiContext.measure_ids``)."""

    def get_attribute(self, instance):
        return self.context["api"].measure_ids_of(instance)


def measures_field(help_text):
    return MeasureIdsField(child=PageRefField(), read_only=True, help_text=help_text)


class ResourceSerializer(PageSerializer):
    """A resource article with its bibliographic data and the document to download."""

    type = type_field("resource")
    branch = AncestorRefField(BRANCH_DEPTH)
    summary = RichTextField()
    body = RichTextField()
    publication = PublicationSerializer(source="*", read_only=True)
    document = DocumentField(source="document_id", allow_null=True)
    topics = RelatedListField(TopicSerializer(), "topics", "topic")
    measures = measures_field("The measures this resource supports, in plan order.")

    class Meta:
        model = ResourceArticlePage
        fields = page_fields(
            "branch", "summary", "body", "publication", "document", "topics", "measures"
        )


class ProgrammeItemSerializer(serializers.Serializer):
    time = serializers.CharField()
    item = serializers.CharField()
    speaker = serializers.CharField()
    description = serializers.CharField()


class EventSerializer(PageSerializer):
    """An event with its timing, place, programme and the measures it carries out."""

    type = type_field("event")
    kind_label = LabelField("event_kind", source="kind")
    format_label = LabelField("event_format", source="format")
    branch = AncestorRefField(BRANCH_DEPTH)
    summary = RichTextField()
    body = RichTextField()
    timing = TimingSerializer(source="*", read_only=True)
    programme = StreamItemsField(ProgrammeItemSerializer())
    target_groups = RelatedListField(TargetGroupSerializer(), "target_groups", "target_group")
    co_organisers = OrganisationRoleSerializer(many=True, read_only=True)
    registration_url = serializers.CharField(read_only=True, help_text="Sign-up URL, or empty.")
    measures = measures_field("The measures this event carries out, in plan order.")

    class Meta:
        model = EventPage
        fields = page_fields(
            "branch",
            "kind",
            "kind_label",
            "summary",
            "body",
            "timing",
            "format",
            "format_label",
            "location",
            "registration_url",
            "programme",
            "target_groups",
            "co_organisers",
            "measures",
        )


class ResourceIndexSerializer(PageSerializer):
    type = type_field("resource_index")
    branch = AncestorRefField(BRANCH_DEPTH)
    intro = RichTextField()
    children = ChildrenField()

    class Meta:
        model = ResourceIndexPage
        fields = page_fields("branch", "intro", "children")


class EventIndexSerializer(ResourceIndexSerializer):
    type = type_field("event_index")

    class Meta(ResourceIndexSerializer.Meta):
        model = EventIndexPage
