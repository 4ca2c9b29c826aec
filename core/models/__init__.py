"""The foundation's models: abstract bases every app builds on and the shared registers."""

from .snippets import Organisation, SustainableDevelopmentGoal, TargetGroup

__all__ = ["Organisation", "SustainableDevelopmentGoal", "TargetGroup"]
