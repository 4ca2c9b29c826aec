"""Fork a plan inside the install: a new plan for a branch, based on any live plan.

The copy is made as drafts under the target branch, first in the default language and then
as translations (linked to each other) in every language the source is published in and the
branch exists in. Each page remembers the plan and node it was copied from. Status updates
and dates are not copied, nor contact persons of another branch; events and resources stay
linked. Everything happens in one transaction: an error changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from cms.api.generation import changes_in_bulk
from home.services.branch import BranchError, get_branch
from plan.models import ActionPlanPage
from plan.services.plan_tree import (
    SameInstall,
    build_plan,
    dump_plan,
    period_label,
    plan_languages,
    primary_translation,
    set_period,
    strip_texts,
)
from plan.services.translation import MissingTranslationError

PERIOD_PATTERN = re.compile(r"^\s*(\d{4})(?:\s*[-–/]\s*(\d{4}))?\s*$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ForkError(ValueError):
    """The plan cannot be forked (or imported) as asked; nothing was changed."""


@dataclass
class ForkResult:
    """The new plan (default language), what was created and what was left out."""

    plan: ActionPlanPage
    pages: dict
    report: list = field(default_factory=list)


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
    """Build ``tree`` under ``parents``; model errors become a ForkError (rolled back).

    The new pages are drafts: the API's cache is invalidated once at the end instead of
    working out per page what each one changes (see ``changes_in_bulk``)."""
    try:
        with changes_in_bulk():
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


@transaction.atomic
def fork_plan(source, branch, period, structure_only=False, user=None, progress=None):
    """Copy the live plan ``source`` as a new draft plan of ``branch`` for ``period``.

    ``period`` is ``(start, end)``. With ``structure_only`` the copy keeps titles and lead
    statements and leaves the texts empty. Returns a ForkResult; raises ForkError.
    """
    start, end = period
    check_period(start, end)
    if not source.live:
        raise ForkError(_("Only live plans can be copied."))
    source = primary_translation(source.specific)
    report = []
    refs = SameInstall(branch)
    languages = plan_languages(source)
    tree = dump_plan(source, refs, languages)
    if structure_only:
        strip_texts(tree)
    set_period(tree, start, end)
    parents = branch_parents(branch, languages, report)
    if source.locale.language_code not in parents:
        raise ForkError(
            _("The branch has no page in the plan's language (%(language)s).")
            % {"language": source.locale.language_code}
        )
    errors = check_target(tree, parents)
    if errors:
        raise ForkError(" ".join(errors))
    sources = {
        page.locale.language_code: page
        for page in ActionPlanPage.objects.filter(translation_key=source.translation_key)
    }

    def provenance(lang):
        return {"forked_from_plan": sources.get(lang, source)}

    result = save_tree(tree, parents, refs, provenance, user, progress)
    for contact in {contact.pk: contact for contact in refs.dropped}.values():
        report.append(
            _("Contact person “%(name)s” belongs to another branch and was not copied.")
            % {"name": contact.name}
        )
    report.insert(
        0,
        ngettext(
            "Copied “%(source)s” as “%(title)s” (%(period)s): %(count)s draft page.",
            "Copied “%(source)s” as “%(title)s” (%(period)s): %(count)s draft pages.",
            result.count(),
        )
        % {
            "source": source.title,
            "title": result.plan.title,
            "period": period_label(start, end),
            "count": result.count(),
        },
    )
    return ForkResult(plan=result.plan, pages=result.pages, report=report)
