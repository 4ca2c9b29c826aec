"""Export a plan as a portable template: a versioned JSON document and what was left out."""

from django.conf import settings
from django.utils import timezone

from plan.services.plan_tree import dump_plan, plan_languages, primary_translation

from .check import SCHEMA_NAME, SCHEMA_VERSION
from .refs import PortableDumper


def export_plan(plan, include_drafts=False):
    """The template document of ``plan`` and a report of what was left out.

    Only live, public pages are exported unless ``include_drafts``, which also reads pages
    with unpublished changes as their latest revision.
    """
    plan = primary_translation(plan.specific, include_drafts)
    languages = plan_languages(plan, include_drafts)
    dumper = PortableDumper(languages)
    tree = dump_plan(plan, dumper, languages, include_drafts)
    document = {
        "schema": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "source": {
            "install": settings.WAGTAILADMIN_BASE_URL,
            "plan_key": str(plan.translation_key),
            "exported_at": timezone.now().replace(microsecond=0).isoformat(),
        },
        "locales": languages,
        "plan": tree,
        **dumper.registers(),
    }
    return document, dumper.report()
