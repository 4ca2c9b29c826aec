"""The action plan's content model, one module per concept."""

from .jobs import PlanJob
from .measure import (
    MEASURE_RELATIONS,
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
from .strategy import STRATEGY_RELATIONS, StrategyGoal, StrategyPage

__all__ = [
    "MEASURE_RELATIONS",
    "STRATEGY_RELATIONS",
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
    "PlanJob",
    "StrategyGoal",
    "StrategyPage",
]
