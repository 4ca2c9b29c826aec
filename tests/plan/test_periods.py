"""A plan's year bounds and period label are declared once and used everywhere."""

from types import SimpleNamespace

import pytest

from plan.models import ActionPlanPage
from plan.periods import FIRST_YEAR, LAST_YEAR, period_label
from plan.services.plan_tree import ForkError, parse_period
from plan.services.template.check import template_schema


def test_the_template_schema_allows_the_same_years_as_the_model():
    year = template_schema()["$defs"]["year"]
    assert (year["minimum"], year["maximum"]) == (FIRST_YEAR, LAST_YEAR)
    field = ActionPlanPage._meta.get_field("period_start")
    assert sorted(v.limit_value for v in field.validators if hasattr(v, "limit_value")) == [
        FIRST_YEAR,
        LAST_YEAR,
    ]


@pytest.mark.parametrize("text", [f"{FIRST_YEAR - 1}-{FIRST_YEAR}", f"{LAST_YEAR}-{LAST_YEAR + 1}"])
def test_a_period_outside_the_bounds_is_refused(text):
    with pytest.raises(ForkError):
        parse_period(text)


def test_the_plan_prints_its_period_like_the_fork():
    label = ActionPlanPage.period_label.fget
    assert label(SimpleNamespace(period_start=2026, period_end=2027)) == "2026–2027"
    assert period_label(2026, 2027) == "2026–2027"
    assert label(SimpleNamespace(period_start=2026, period_end=2026)) == period_label(2026, 2026)
