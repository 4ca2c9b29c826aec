"""Fork a plan inside the install: a new plan for a branch, based on any live plan.

The copy is made as drafts under the target branch, first in the default language and then
as translations (linked to each other) in every language the source is published in and the
branch exists in. Each page remembers the plan and node it was copied from. Status updates
and dates are not copied, nor contact persons of another branch; events and resources stay
linked. Everything happens in one transaction: an error changes nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plan.models import ActionPlanPage
from plan.periods import period_label
from plan.services.plan_tree import (
    ForkError,
    SameInstall,
    branch_parents,
    check_period,
    check_target,
    dump_plan,
    plan_languages,
    primary_translation,
    save_tree,
    set_period,
    strip_texts,
)


@dataclass
class ForkResult:
    """The new plan (default language), what was created and what was left out."""

    plan: ActionPlanPage
    pages: dict
    report: list = field(default_factory=list)


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
