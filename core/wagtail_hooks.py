"""Admin registration of the foundation's registers, and the "Registers" menu itself.

The organisations, target groups and Sustainable Development Goals are shared: every editor
may see and choose them, the "Nasjonalt" group manages them (model permissions given by
``home.services.branch``).
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.registers import RegisterViewSet, registers_menu_item

hooks.register("register_admin_menu_item", registers_menu_item)


class OrganisationViewSet(RegisterViewSet):
    model = Organisation
    icon = "group"
    menu_order = 100
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "short_name"]


class TargetGroupViewSet(RegisterViewSet):
    model = TargetGroup
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
