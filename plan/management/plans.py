"""Finding the plan a command names, by page id or translation key."""

import uuid
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from plan.models import ActionPlanPage


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def find_plan(identifier):
    """The plan with page id or translation key ``identifier``; a CommandError if none."""
    plans = ActionPlanPage.objects.all()
    plan = (
        plans.filter(pk=int(identifier)).first()
        if identifier.isdigit()
        else plans.filter(translation_key=identifier).order_by("pk").first()
        if _is_uuid(identifier)
        else None
    )
    if plan is None:
        raise CommandError(
            _("There is no action plan “%(plan)s” (give its id or key).") % {"plan": identifier}
        )
    return plan


def content_language(code):
    """``code`` when it is a content language; a CommandError naming the valid ones if not."""
    from django.conf import settings

    codes = [c for c, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if code not in codes:
        raise CommandError(
            _("Unknown language “%(code)s”; the content languages are %(codes)s.")
            % {"code": code, "codes": ", ".join(codes)}
        )
    return code


def write_output(path, data):
    """Write ``data`` (bytes) to the file ``path``; a CommandError naming it if that fails."""
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        raise CommandError(
            _("Cannot write %(file)s: %(error)s") % {"file": path, "error": error.strerror}
        ) from error
