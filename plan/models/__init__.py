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
from .strategy import StrategyGoal, StrategyPage

__all__ = [
    "ActionPlanPage",
    "MeasureContact",
    "MeasureGoal",
    "MeasurePage",
    "MeasurePartner",
    "MeasureRelatedEvent",
    "MeasureRelatedResource",
    "MeasureStatus",
    "MeasureStatusUpdate",
    "MeasureTargetGroup",
    "StrategyGoal",
    "StrategyPage",
]
