"""A plan's period: the years it may lie between, how it is written and how it is read.

The model's validators, forking, template import and the template's JSON Schema
(``plan/schemas/plan-template.schema.json``, checked against these numbers by the tests) all
use these bounds.
"""

import re

from django.core.validators import MaxValueValidator, MinValueValidator

#: The first and last year a plan's period may include.
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]

#: "2026-2027", "2026–2027", "2026/2027" or "2026", spaces allowed.
PERIOD_PATTERN = re.compile(r"^\s*(\d{4})(?:\s*[-–/]\s*(\d{4}))?\s*$")


def period_label(start, end, dash="–"):
    """A period as printed, e.g. "2026–2027" (or "2026" for one year)."""
    return str(start) if start == end else f"{start}{dash}{end}"
