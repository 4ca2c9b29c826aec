"""A plan in one language as its printed document and status report read it.

The structure and order come from the plan's tree in the default language (as in the API);
each page is shown in the requested language when it has a translation there, else in the
default language. Public content only, unless drafts are included (then every page with its
latest saved content).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from plan.models import (
    ActionPlanPage,
    MeasureContact,
    MeasurePage,
    MeasurePartner,
    MeasureStatusUpdate,
    StrategyPage,
)
from plan.services.plan_tree import primary_translation
from plan.services.plan_tree.reader import visible


@dataclass
class StrategyOutline:
    """A strategy with its measures in plan order."""

    page: StrategyPage
    measures: list = field(default_factory=list)


@dataclass
class PlanOutline:
    """The plan in one language, its branch's name and its strategies in order."""

    plan: ActionPlanPage
    language: str
    branch_name: str
    strategies: list = field(default_factory=list)

    @property
    def measures(self):
        """Every measure with its strategy, in plan order."""
        return [(s, m) for s in self.strategies for m in s.measures]


def _measure_queryset():
    return MeasurePage.objects.prefetch_related(
        Prefetch("status_updates", MeasureStatusUpdate.objects.all()),
        Prefetch("partners", MeasurePartner.objects.select_related("organisation")),
        Prefetch("contacts", MeasureContact.objects.select_related("contact")),
    )


def _in_language(queryset, keys, language, default, include_drafts):
    """The pages of ``queryset`` with ``keys``, by key: in ``language``, else in ``default``."""
    rows = visible(
        queryset.filter(
            translation_key__in=keys, locale__language_code__in={language, default}
        ).select_related("locale"),
        include_drafts,
    )
    pages = {}
    for page in rows:
        code = page.locale.language_code
        if code == language or page.translation_key not in pages:
            if include_drafts and page.has_unpublished_changes and page.latest_revision_id:
                page = page.get_latest_revision_as_object()
            pages[page.translation_key] = page
    return pages


def plan_outline(plan, language, include_drafts=False):
    """The :class:`PlanOutline` of ``plan`` (any translation) in ``language``."""
    source = primary_translation(plan.specific, include_drafts)
    default = source.locale.language_code
    tree = visible(source.get_descendants(), include_drafts).order_by("path")
    tree = list(tree.values_list("translation_key", "depth"))
    strategy_keys = [key for key, depth in tree if depth == source.depth + 1]
    measure_keys = [key for key, depth in tree if depth == source.depth + 2]
    plans = _in_language(
        ActionPlanPage.objects.select_related("contact_person", "cover_image"),
        [source.translation_key],
        language,
        default,
        include_drafts,
    )
    strategies = _in_language(
        StrategyPage.objects.all(), strategy_keys, language, default, include_drafts
    )
    measures = _in_language(_measure_queryset(), measure_keys, language, default, include_drafts)
    page = plans.get(source.translation_key, source)
    branch = page.get_parent().specific
    outline = PlanOutline(plan=page, language=language, branch_name=branch.title)
    current = None
    for key, depth in tree:
        if depth == source.depth + 1:
            current = StrategyOutline(strategies[key]) if key in strategies else None
            if current is not None:
                outline.strategies.append(current)
        elif depth == source.depth + 2 and key in measures and current is not None:
            current.measures.append(measures[key])
    return outline
