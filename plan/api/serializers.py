"""The JSON shapes of plans, strategies, measures and the snippets they use."""

from rest_framework import serializers

from cms.api.serializers import (
    AncestorRefField,
    ImageField,
    PageRefField,
    PageSerializer,
    RelatedListField,
    RichTextField,
    RowsListSerializer,
    page_fields,
    type_field,
)
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.models.relations import OrganisationLink
from core.tree import BRANCH_DEPTH, PLAN_DEPTH, STRATEGY_DEPTH
from home.models import ContactPerson
from plan.models import (
    ActionPlanPage,
    MeasurePage,
    MeasureStatus,
    MeasureStatusUpdate,
    StrategyPage,
)

# --- Snippets ------------------------------------------------------------------------------


class SnippetSerializer(serializers.ModelSerializer):
    key = serializers.UUIDField(source="translation_key", read_only=True)

    class Meta:
        fields = ["id", "key"]


class OrganisationSerializer(SnippetSerializer):
    website = serializers.CharField(read_only=True, help_text="Website URL, or empty.")

    class Meta:
        model = Organisation
        fields = [*SnippetSerializer.Meta.fields, "name", "short_name", "kind", "website"]


class TargetGroupSerializer(SnippetSerializer):
    class Meta:
        model = TargetGroup
        fields = [*SnippetSerializer.Meta.fields, "name", "description"]


class GoalSerializer(SnippetSerializer):
    class Meta:
        model = SustainableDevelopmentGoal
        fields = [*SnippetSerializer.Meta.fields, "number", "title"]


class ConsentedPhotoField(ImageField):
    """A contact person's photo, only when they have consented to showing it."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, person):
        if person.photo_consent and person.photo_id:
            return super().to_representation(person.photo_id)
        return None


class ContactPersonSerializer(SnippetSerializer):
    photo = ConsentedPhotoField(help_text="Shown only when the person has consented.")

    class Meta:
        model = ContactPerson
        fields = [*SnippetSerializer.Meta.fields, "name", "role", "phone", "email", "photo"]


class OrganisationRoleSerializer(serializers.Serializer):
    organisation = OrganisationSerializer()
    role = serializers.ChoiceField(choices=OrganisationLink.Role.choices)

    class Meta:
        list_serializer_class = RowsListSerializer


class StatusUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeasureStatusUpdate
        fields = ["date", "status", "note"]


class TimingSerializer(serializers.Serializer):
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    text = serializers.CharField(source="timing_text", help_text='E.g. "våren 2025".')
    is_recurring = serializers.BooleanField()


class ForkedFromSerializer(serializers.Serializer):
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


def contacts_field():
    return RelatedListField(ContactPersonSerializer(), "contacts", "contact")


def goals_field():
    return RelatedListField(GoalSerializer(), "goals", "goal")


# --- Measures ------------------------------------------------------------------------------


class MeasureSerializer(PageSerializer):
    """A measure as it appears inside a plan."""

    type = type_field("measure")
    summary = RichTextField()
    body = RichTextField()
    status = serializers.ChoiceField(
        choices=MeasureStatus.choices,
        source="current_status",
        read_only=True,
        help_text="The status of the latest status update (planned when there is none).",
    )
    status_updates = StatusUpdateSerializer(many=True, read_only=True)
    timing = TimingSerializer(source="*", read_only=True)
    partners = OrganisationRoleSerializer(many=True, read_only=True)
    target_groups = RelatedListField(TargetGroupSerializer(), "target_groups", "target_group")
    contacts = contacts_field()
    goals = goals_field()
    related_events = RelatedListField(PageRefField(), "related_events", "event_id")
    related_resources = RelatedListField(PageRefField(), "related_resources", "resource_id")
    forked_from = forked_from_field()

    class Meta:
        model = MeasurePage
        fields = page_fields(
            "summary",
            "body",
            "status",
            "status_updates",
            "timing",
            "partners",
            "target_groups",
            "contacts",
            "goals",
            "related_events",
            "related_resources",
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


class StrategySerializer(PageSerializer):
    """A strategy with its measures in order."""

    type = type_field("strategy")
    summary = RichTextField()
    introduction = RichTextField()
    goals = goals_field()
    measures = MeasureSerializer(many=True, read_only=True, source="api_measures")
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


class DefinitionSerializer(serializers.Serializer):
    term = serializers.CharField()
    definition = RichTextField()
    source = serializers.CharField()
    source_url = serializers.CharField()


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
    overall_goal = RichTextField()
    development_area = DevelopmentAreaSerializer(source="*", read_only=True)
    cover_image = ImageField(source="cover_image_id")
    forked_from = forked_from_field()

    class Meta:
        model = ActionPlanPage
        fields = page_fields(
            "branch",
            "period",
            "stage",
            "overall_goal",
            "development_area",
            "cover_image",
            "forked_from",
        )


class PlanDetailSerializer(PlanSerializer):
    """The whole plan in one object: texts, definitions, quotes, strategies and measures."""

    introduction = RichTextField()
    background = RichTextField()
    strategies_introduction = RichTextField()
    definitions = StreamItemsField(DefinitionSerializer())
    quotes = StreamItemsField(QuoteSerializer())
    contact_person = ContactPersonSerializer(read_only=True, allow_null=True)
    strategies = StrategySerializer(many=True, read_only=True, source="api_strategies")

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "introduction",
            "background",
            "definitions",
            "strategies_introduction",
            "quotes",
            "contact_person",
            "strategies",
        ]
