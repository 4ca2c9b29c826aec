"""The JSON shapes of the snippets a plan shows: organisations, target groups, goals and
contact persons, and an organisation's role in a measure."""

from rest_framework import serializers

from cms.api.dependencies import record, snippet_tag
from cms.api.labels import LabelField, register_codes
from cms.api.serializers import LocalizedImageField, RowsListSerializer
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.models.relations import OrganisationLink
from home.models import ContactPerson

register_codes("organisation_role", OrganisationLink.Role.choices)
register_codes("organisation_kind", Organisation._meta.get_field("kind").choices)


class SnippetSerializer(serializers.ModelSerializer):
    key = serializers.UUIDField(source="translation_key", read_only=True)
    fallback = serializers.SerializerMethodField(
        help_text="True when the snippet is not translated and shown in the default language."
    )

    def to_representation(self, instance):
        record(snippet_tag(instance))
        return super().to_representation(instance)

    class Meta:
        fields = ["id", "key", "fallback"]

    def get_fallback(self, obj) -> bool:
        return getattr(obj, "api_fallback", False)


class OrganisationSerializer(SnippetSerializer):
    website = serializers.CharField(read_only=True, help_text="Website URL, or empty.")
    kind_label = LabelField("organisation_kind", source="kind")

    class Meta:
        model = Organisation
        fields = [
            *SnippetSerializer.Meta.fields,
            "name",
            "short_name",
            "kind",
            "kind_label",
            "website",
        ]


class TargetGroupSerializer(SnippetSerializer):
    class Meta:
        model = TargetGroup
        fields = [*SnippetSerializer.Meta.fields, "name", "description"]


class GoalSerializer(SnippetSerializer):
    class Meta:
        model = SustainableDevelopmentGoal
        fields = [*SnippetSerializer.Meta.fields, "number", "title"]


class ConsentedPhotoField(LocalizedImageField):
    """A contact person's photo with its alt text, only when they have consented to showing it."""

    def __init__(self, **kwargs):
        super().__init__(image="photo_id", alt="photo_alt", **kwargs)

    def image_id(self, person):
        return person.photo_id if person.photo_consent else None


class ContactPersonSerializer(SnippetSerializer):
    photo = ConsentedPhotoField(help_text="Shown only when the person has consented.")

    class Meta:
        model = ContactPerson
        fields = [*SnippetSerializer.Meta.fields, "name", "role", "phone", "email", "photo"]


class OrganisationRoleSerializer(serializers.Serializer):
    organisation = OrganisationSerializer()
    role = serializers.ChoiceField(choices=OrganisationLink.Role.choices)
    role_label = LabelField("organisation_role", source="role")

    class Meta:
        list_serializer_class = RowsListSerializer
