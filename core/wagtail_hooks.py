"""Admin registration of the foundation's registers, and the "Registers" menu itself.

The organisations, target groups and Sustainable Development Goals are shared: every editor
may see and choose them, the "Nasjonalt" group manages them (model permissions given by
``home.services.branch``). Organisations and target groups may also be added by branch
editors (also from the chooser while editing a measure) and changed when only pages they may
change use them (``access.snippets.SharedSnippetViewSet``).
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from access.snippets import SharedSnippetViewSet
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.registers import RegisterViewSet, registers_menu_item

hooks.register("register_admin_menu_item", registers_menu_item)


class OrganisationViewSet(SharedSnippetViewSet):
    model = Organisation
    chooser_form_fields = ["name", "short_name", "kind", "website"]
    icon = "group"
    menu_order = 100
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "short_name"]


class TargetGroupViewSet(SharedSnippetViewSet):
    model = TargetGroup
    chooser_form_fields = ["name", "description"]
    icon = "user"
    menu_order = 300
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class SustainableDevelopmentGoalViewSet(RegisterViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_order = 400
    list_display = ["number", "title", "locale"]
    list_filter = ["locale"]


register_snippet(OrganisationViewSet)
register_snippet(TargetGroupViewSet)
register_snippet(SustainableDevelopmentGoalViewSet)


@hooks.register("construct_help_menu")
def hide_whats_new_in_wagtail(request, menu_items):
    """Wagtail's "What's new" item links to English release notes, and its label is translated
    once per process (in whatever language the first request had): editors do without it."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-")]
