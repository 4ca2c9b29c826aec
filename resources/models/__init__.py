"""Resource articles and events of a county branch."""

from .events import EventCoOrganiser, EventIndexPage, EventPage, EventTargetGroup
from .resources import ResourceArticlePage, ResourceIndexPage, ResourceTopic, Topic

__all__ = [
    "EventCoOrganiser",
    "EventIndexPage",
    "EventPage",
    "EventTargetGroup",
    "ResourceArticlePage",
    "ResourceIndexPage",
    "ResourceTopic",
    "Topic",
]
