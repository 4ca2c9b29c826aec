"""Admin registration of the plan's snippets, grouped under one menu item.

Contact persons belong to a branch: a branch's groups manage only their own (see
``home.snippets``). The other snippets are shared: every editor may see and choose them,
the "Nasjonalt" group manages them (model permissions given by ``home.services.branch``).
Organisations and target groups may also be added by branch editors (also from the chooser
while editing a measure) and changed when only pages they may change use them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.snippets import BranchSnippetViewSet, LocalisedSnippetViewSet, SharedSnippetViewSet
from plan.models import ContactPerson, Organisation, SustainableDevelopmentGoal, TargetGroup
from resources.models import Topic


class OrganisationViewSet(SharedSnippetViewSet):
    model = Organisation
    chooser_form_fields = ["name", "short_name", "kind", "website"]
    icon = "group"
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "short_name"]


class ContactPersonViewSet(BranchSnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "email", "branch", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "role", "email"]


class TargetGroupViewSet(SharedSnippetViewSet):
    model = TargetGroup
    chooser_form_fields = ["name", "description"]
    icon = "user"
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class SustainableDevelopmentGoalViewSet(LocalisedSnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    list_display = ["number", "title", "locale"]
    list_filter = ["locale"]


class TopicViewSet(LocalisedSnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class PlanSnippetsGroup(SnippetViewSetGroup):
    """The plan's shared registers in one admin menu: "Registre"."""

    menu_label = _("Registers")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        OrganisationViewSet,
        ContactPersonViewSet,
        TargetGroupViewSet,
        SustainableDevelopmentGoalViewSet,
        TopicViewSet,
    )


register_snippet(PlanSnippetsGroup)

# The plan's own admin views ("New plan based on …") register their hooks on import.
import plan.admin.hooks  # noqa: E402, F401
