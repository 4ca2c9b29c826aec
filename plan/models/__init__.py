"""The action plan's content model, one module per concept."""

from .measure import (
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureStatus,
    MeasureStatusUpdate,
    MeasureTargetGroup,
)
from .plan import ActionPlanPage
from .snippets import ContactPerson, Organisation, SustainableDevelopmentGoal, TargetGroup
from .strategy import StrategyGoal, StrategyPage

__all__ = [
    "ActionPlanPage",
    "ContactPerson",
    "MeasureContact",
    "MeasureGoal",
    "MeasurePage",
    "MeasurePartner",
    "MeasureRelatedEvent",
    "MeasureRelatedResource",
    "MeasureStatus",
    "MeasureStatusUpdate",
    "MeasureTargetGroup",
    "Organisation",
    "StrategyGoal",
    "StrategyPage",
    "SustainableDevelopmentGoal",
    "TargetGroup",
]
