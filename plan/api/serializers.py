"""The JSON shapes of plans, strategies and measures (their snippets: ``plan.api.snippets``)."""

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from cms.api.direct import DirectRepresentationMixin
from cms.api.labels import LabelField, register_codes
from cms.api.serializers import (
    AncestorRefField,
    LocalizedImageField,
    PageRefField,
    PageSerializer,
    RelatedListField,
    RichTextField,
    RowsListSerializer,
    children_field,
    page_fields,
    type_field,
)
from core.tree import BRANCH_DEPTH, PLAN_DEPTH, STRATEGY_DEPTH
from plan.models import (
    MEASURE_RELATIONS,
    STRATEGY_RELATIONS,
    ActionPlanPage,
    MeasurePage,
    MeasureStatus,
    MeasureStatusUpdate,
    StrategyPage,
)

from . import measures
from .measures import MEASURE_ROWS, CurrentStatusField, CurrentStatusLabelField, MeasureRowsField
from .snippets import (
    ContactPersonSerializer,
    GoalSerializer,
    OrganisationRoleSerializer,
    OrganisationSerializer,
    TargetGroupSerializer,
)

register_codes("measure_status", MeasureStatus.choices)
register_codes("plan_stage", ActionPlanPage.Stage.choices)


class StatusUpdateSerializer(serializers.ModelSerializer):
    """A status update: date and status from the default language, the note translated."""

    status_label = LabelField("measure_status", source="status")
    fallback = serializers.SerializerMethodField(
        help_text="True when the note is not translated and shown in the default language."
    )

    class Meta:
        model = MeasureStatusUpdate
        fields = ["date", "status", "status_label", "note", "fallback"]
        list_serializer_class = RowsListSerializer

    def get_fallback(self, obj) -> bool:
        return getattr(obj, "api_fallback", False)


class TimingSerializer(DirectRepresentationMixin, serializers.Serializer):
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    text = serializers.CharField(source="timing_text", help_text='E.g. "våren 2025".')
    is_recurring = serializers.BooleanField()


class ForkedFromSerializer(DirectRepresentationMixin, serializers.Serializer):
    """Where a forked or imported plan, strategy or measure came from (null when written here)."""

    plan = serializers.IntegerField(
        source="forked_from_plan_id",
        allow_null=True,
        help_text="Id of the source plan in this install (null when imported or deleted).",
    )
    key = serializers.UUIDField(
        source="forked_from_key", help_text="The source node's key (translation key)."
    )
    install = serializers.CharField(
        source="forked_from_install",
        help_text="The install an imported template came from; empty for a fork made here.",
    )

    def to_representation(self, instance):
        if instance.forked_from_key is None:
            return None
        return super().to_representation(instance)


def forked_from_field():
    return ForkedFromSerializer(source="*", read_only=True, allow_null=True)


#: How the API shows a snippet that inline rows link to, by the relation's ``kind``.
SNIPPET_SERIALIZERS = {
    "contact": ContactPersonSerializer,
    "goal": GoalSerializer,
    "organisation": OrganisationSerializer,
    "target_group": TargetGroupSerializer,
}
#: Relations whose rows are shown whole (the link and the row's own fields), by ``kind``.
ROW_SERIALIZERS = {"organisation": OrganisationRoleSerializer}


def relation_field(relation):
    """The API field of a declared inline relation (``core.models.relations.Relation``)."""
    if relation.kind in ROW_SERIALIZERS:
        return ROW_SERIALIZERS[relation.kind](many=True, read_only=True)
    if relation.links_page:
        return RelatedListField(PageRefField(), relation.name, f"{relation.field}_id")
    return RelatedListField(SNIPPET_SERIALIZERS[relation.kind](), relation.name, relation.field)


class RelationFieldsMixin:
    """Gives a serializer one field per relation in ``relations``, named as the relation."""

    relations = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "relations" in vars(cls):
            fields = {relation.name: cls.relation_field(relation) for relation in cls.relations}
            cls._declared_fields = {**cls._declared_fields, **fields}

    @staticmethod
    def relation_field(relation):
        return relation_field(relation)


def contacts_field():
    return RelatedListField(ContactPersonSerializer(), "contacts", "contact")


# --- Measures ------------------------------------------------------------------------------


class MeasureSerializer(RelationFieldsMixin, PageSerializer):
    """A measure as it appears inside a plan."""

    # The rows are read as dicts and the inner objects built by ``plan.api.measures``; the
    # serializers of those objects declare their shape for the OpenAPI document (the docstring
    # is the schema's description).

    relations = MEASURE_RELATIONS

    type = type_field("measure")
    summary = RichTextField()
    body = RichTextField()
    status = CurrentStatusField(
        choices=MeasureStatus.choices,
        source="current_status",
        read_only=True,
        help_text="The status of the latest status update (planned when there is none).",
    )
    status_label = CurrentStatusLabelField("measure_status", source="current_status")
    status_updates = MeasureRowsField(
        measures.STATUS_UPDATES,
        measures.status_update_data,
        StatusUpdateSerializer(many=True, read_only=True),
    )
    timing = TimingSerializer(source="*", read_only=True)
    forked_from = forked_from_field()

    @staticmethod
    def relation_field(relation):
        spec = MEASURE_ROWS[relation.name]
        return MeasureRowsField(
            spec, measures.relation_data(relation, spec), relation_field(relation)
        )

    class Meta:
        model = MeasurePage
        fields = page_fields(
            "summary",
            "body",
            "status",
            "status_label",
            "status_updates",
            "timing",
            *(relation.name for relation in MEASURE_RELATIONS),
            "forked_from",
        )


class MeasureDetailSerializer(MeasureSerializer):
    """A measure on its own: with the plan and strategy it belongs to."""

    branch = AncestorRefField(BRANCH_DEPTH)
    plan = AncestorRefField(PLAN_DEPTH)
    strategy = AncestorRefField(STRATEGY_DEPTH)

    class Meta(MeasureSerializer.Meta):
        fields = [*MeasureSerializer.Meta.fields, "branch", "plan", "strategy"]


# --- Strategies ------------------------------------------------------------------------------


class StrategySerializer(RelationFieldsMixin, PageSerializer):
    """A strategy with its measures in order."""

    relations = STRATEGY_RELATIONS

    type = type_field("strategy")
    summary = RichTextField()
    introduction = RichTextField()
    measures = children_field(MeasureSerializer)
    forked_from = forked_from_field()

    class Meta:
        model = StrategyPage
        fields = page_fields("lead", "summary", "introduction", "goals", "measures", "forked_from")


class StrategyDetailSerializer(StrategySerializer):
    """A strategy on its own (as returned by resolve and preview)."""

    branch = AncestorRefField(BRANCH_DEPTH)
    plan = AncestorRefField(PLAN_DEPTH)

    class Meta(StrategySerializer.Meta):
        fields = [*StrategySerializer.Meta.fields, "branch", "plan"]


# --- Plans -----------------------------------------------------------------------------------


class PeriodSerializer(serializers.Serializer):
    start = serializers.IntegerField(source="period_start")
    end = serializers.IntegerField(source="period_end")
    label = serializers.CharField(source="period_label", help_text='E.g. "2024–2025".')


class DevelopmentAreaSerializer(serializers.Serializer):
    title = serializers.CharField(source="development_area_title")
    description = RichTextField(source="development_area_description")
    adopted_by = serializers.CharField(source="development_area_adopted_by")
    adopted_on = serializers.DateField(source="development_area_adopted_on", allow_null=True)


class BackgroundTextSerializer(serializers.Serializer):
    type = type_field("text")
    text = RichTextField(help_text="Text, including lead-ins to the definition that follows.")


class DefinitionSerializer(serializers.Serializer):
    type = type_field("definition")
    term = serializers.CharField()
    definition = RichTextField()
    source = serializers.CharField(help_text='E.g. "Torfing, Sørensen, Røiseland (2020)".')
    source_url = serializers.CharField()


BACKGROUND_ITEM_SERIALIZERS = {
    "text": BackgroundTextSerializer(),
    "definition": DefinitionSerializer(),
}


@extend_schema_field(
    PolymorphicProxySerializer(
        component_name="BackgroundItem",
        serializers=list(BACKGROUND_ITEM_SERIALIZERS.values()),
        resource_type_field_name="type",
        many=True,
    )
)
class BackgroundField(serializers.Field):
    """The plan's background in reading order: text and definition blocks (raw data, no
    queries)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, stream):
        items = []
        for block in stream.raw_data:
            if block["type"] == "text":
                items.append(
                    {"type": "text", "text": RichTextField().to_representation(block["value"])}
                )
                continue
            value = {"source": "", "source_url": "", **block["value"]}
            items.append(BACKGROUND_ITEM_SERIALIZERS["definition"].to_representation(value))
        return items


class QuoteSerializer(serializers.Serializer):
    text = serializers.CharField()
    page_number = serializers.CharField()
    resource = PageRefField(
        allow_null=True, help_text="The resource article the quotation comes from."
    )


class StreamItemsField(serializers.ListField):
    """The items of a StreamField with one block type, read from its raw data (no queries)."""

    def __init__(self, child, **kwargs):
        super().__init__(child=child, read_only=True, **kwargs)

    def to_representation(self, stream):
        items = []
        for block in stream.raw_data:
            value = dict(block["value"])
            for name, field in self.child.fields.items():
                value.setdefault(field.source or name, None if field.allow_null else "")
            items.append(self.child.to_representation(value))
        return items


class PlanSerializer(PageSerializer):
    """A plan in lists: what it is, whose, for when, and how far it has come."""

    type = type_field("plan")
    branch = AncestorRefField(BRANCH_DEPTH)
    period = PeriodSerializer(source="*", read_only=True)
    stage_label = LabelField("plan_stage", source="stage")
    overall_goal = RichTextField()
    development_area = DevelopmentAreaSerializer(source="*", read_only=True)
    cover_image = LocalizedImageField(image="cover_image_id", alt="cover_image_alt")
    cover_image_caption = serializers.CharField(
        read_only=True, help_text='E.g. "Bilde hentet fra Kulturskolerådets bildearkiv".'
    )
    forked_from = forked_from_field()

    class Meta:
        model = ActionPlanPage
        fields = page_fields(
            "branch",
            "period",
            "stage",
            "stage_label",
            "overall_goal",
            "development_area",
            "cover_image",
            "cover_image_caption",
            "forked_from",
        )


class PlanDetailSerializer(PlanSerializer):
    """The whole plan in one object: texts, background, quotes, strategies and measures."""

    introduction = RichTextField()
    background = BackgroundField()
    strategies_introduction = RichTextField()
    quotes = StreamItemsField(QuoteSerializer())
    contact_person = ContactPersonSerializer(read_only=True, allow_null=True)
    strategies = children_field(StrategySerializer)

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "introduction",
            "background",
            "strategies_introduction",
            "quotes",
            "contact_person",
            "strategies",
        ]
