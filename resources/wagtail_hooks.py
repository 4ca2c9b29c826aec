"""Admin registration of the resource topics, in the "Registers" menu."""

from wagtail.snippets.models import register_snippet

from core.registers import RegisterViewSet
from resources.models import Topic


class TopicViewSet(RegisterViewSet):
    model = Topic
    icon = "tag"
    menu_order = 500
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


register_snippet(TopicViewSet)
