"""Where a plan tree lands: the period, the target branch, clashes, and saving the tree.

Forking a plan inside the install and importing a template both build a plan tree under a
branch; the checks and the saving they share live here, so neither uses the other.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.translation import MissingTranslationError
from home.services.branch import BranchError, get_branch
from plan.models import ActionPlanPage
from plan.periods import FIRST_YEAR, LAST_YEAR, PERIOD_PATTERN

from .builder import build_plan


class ForkError(ValueError):
    """The plan cannot be forked (or imported) as asked; nothing was changed."""


def parse_period(text):
    """``(start, end)`` from "2026-2027", "2026–2027" or "2026"; a ForkError when invalid."""
    match = PERIOD_PATTERN.match(str(text or ""))
    if not match:
        raise ForkError(
            _("Invalid period “%(period)s”: write it as first and last year, e.g. 2026-2027.")
            % {"period": text}
        )
    start = int(match.group(1))
    end = int(match.group(2) or start)
    check_period(start, end)
    return start, end


def check_period(start, end):
    """Raise a ForkError unless ``start``–``end`` is a sensible period."""
    if not (FIRST_YEAR <= start <= LAST_YEAR and FIRST_YEAR <= end <= LAST_YEAR):
        raise ForkError(
            _("The years of a period must lie between %(first)s and %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    if start > end:
        raise ForkError(
            _("The period starts (%(start)s) after it ends (%(end)s).")
            % {"start": start, "end": end}
        )


def target_branch(slug):
    """The default-language branch page with ``slug``; a ForkError when there is none."""
    try:
        return get_branch(slug)
    except BranchError as error:
        raise ForkError(str(error)) from error


def live_plan(plan_id):
    """The live plan with the page id ``plan_id``; a ForkError when there is none."""
    plan = ActionPlanPage.objects.filter(pk=_as_int(plan_id)).first()
    if plan is None:
        raise ForkError(_("There is no action plan with the id %(id)s.") % {"id": plan_id})
    if not plan.live:
        raise ForkError(
            _("The plan “%(title)s” is not published; only live plans can be copied.")
            % {"title": plan.title}
        )
    return plan


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def branch_parents(branch, languages, report):
    """The branch page in each of ``languages`` that it exists in, default language first."""
    parents = {}
    for lang in languages:
        locale = Locale.objects.filter(language_code=lang).first()
        page = branch if locale and branch.locale_id == locale.pk else None
        page = page or (locale and branch.get_translation_or_none(locale))
        if page is None:
            report.append(
                _("The branch has no %(language)s version; the %(language)s text is left out.")
                % {"language": lang}
            )
        else:
            parents[lang] = page
    return parents


def check_target(tree, parents, replacing=None):
    """Error messages if the new plan's slug or period clashes with a plan of the branch."""
    errors = []
    start, end = tree["period"]["start"], tree["period"]["end"]
    replaced = set(replacing or ())
    for lang, parent in parents.items():
        slug = tree["content"][lang]["slug"]
        clash = parent.get_children().filter(slug=slug).exclude(pk__in=replaced).first()
        if clash is not None:
            errors.append(
                _("“%(branch)s” already has a page with the slug “%(slug)s” (%(title)s).")
                % {"branch": parent.title, "slug": slug, "title": clash.title}
            )
    branch = next(iter(parents.values()))
    overlapping = (
        ActionPlanPage.objects.child_of(branch)
        .filter(period_start__lte=end, period_end__gte=start)
        .exclude(pk__in=replaced)
        .first()
    )
    if overlapping is not None:
        errors.append(
            _("“%(branch)s” already has a plan for %(period)s: “%(title)s”.")
            % {
                "branch": branch.title,
                "period": overlapping.period_label,
                "title": overlapping.title,
            }
        )
    return errors


def save_tree(tree, parents, resolver, provenance, user, progress):
    """Build ``tree`` under ``parents``; model errors become a ForkError (rolled back)."""
    try:
        return build_plan(tree, parents, resolver, provenance, user=user, progress=progress)
    except MissingTranslationError as error:
        raise ForkError(str(error)) from error
    except ValidationError as error:
        messages = (
            "; ".join(f"{name}: {' '.join(errs)}" for name, errs in error.message_dict.items())
            if hasattr(error, "error_dict")
            else " ".join(error.messages)
        )
        raise ForkError(_("The copy is not valid: %(errors)s") % {"errors": messages}) from error
