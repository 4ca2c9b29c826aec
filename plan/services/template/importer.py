"""Import a plan template as draft pages of a branch (checked first, all or nothing).

The document is checked by :mod:`.check`; its references are resolved by :mod:`.resolver`
and the tree is built by the plan-tree serializer that forking uses
(``plan.services.plan_tree``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.languages import content_languages
from core.translation import MissingTranslationError
from plan.models import ActionPlanPage
from plan.periods import period_label
from plan.services.plan_tree import (
    ForkError,
    branch_parents,
    check_period,
    check_target,
    save_tree,
    set_period,
    walk,
)

from .check import TemplateError, check_document
from .resolver import PortableResolver


@dataclass
class ImportResult:
    """The imported plan (first language), its pages, and what the import did or left out."""

    plan: ActionPlanPage
    pages: dict
    report: list = field(default_factory=list)
    replaced: int = 0


def import_languages(document):
    """The document's locales that are content languages here, the document's order kept."""
    content = set(content_languages())
    return [code for code in document["locales"] if code in content]


def earlier_imports(branch, plan_key):
    """The plans (every language) imported into ``branch`` from the source plan ``plan_key``."""
    plans = ActionPlanPage.objects.none()
    for page in branch.get_translations(inclusive=True):
        plans |= ActionPlanPage.objects.child_of(page)
    return list(plans.filter(forked_from_key=plan_key).exclude(forked_from_install=""))


def _plan_errors(document, branch, languages, replace):
    """Problems with importing ``document`` into ``branch``; also what it would replace."""
    errors = []
    if not languages:
        errors.append(
            "$.locales: "
            + _("none of the document's locales is a content language of this install (%(c)s)")
            % {"c": ", ".join(content_languages())}
        )
        return errors, []
    earlier = earlier_imports(branch, document["source"]["plan_key"])
    if earlier and not replace:
        errors.append(
            "$.source.plan_key: "
            + _(
                "this plan was already imported into “%(branch)s” as “%(title)s”; "
                "use --replace to replace it"
            )
            % {"branch": branch.title, "title": earlier[0].title}
        )
    return errors, earlier


@transaction.atomic
def import_plan(
    document, branch, period=None, replace=False, fetch_media=False, user=None, progress=None
):
    """Create the plan of a template ``document`` as drafts under ``branch``.

    The document is checked completely first (schema, content model, target branch); any
    problem raises a TemplateError and nothing is written. ``period`` (start, end) overrides
    the document's; ``replace`` deletes an earlier import of the same source plan first.
    """
    check_document(document)
    tree = document["plan"]
    if period is not None:
        try:
            check_period(*period)
        except ForkError as error:
            raise TemplateError([f"--period: {error}"]) from error
        set_period(tree, *period)
    languages = import_languages(document)
    errors, earlier = _plan_errors(document, branch, languages, replace)
    if errors:
        raise TemplateError(errors)
    first = languages[0]
    missing = [path for _type, node, path in walk(tree) if first not in node["content"]]
    if missing:
        raise TemplateError(
            [
                f"{path}.content: " + _("no content in “%(code)s”") % {"code": first}
                for path in missing
            ]
        )
    report = [
        _("The %(language)s text is left out: it is not a content language here.")
        % {"language": code}
        for code in document["locales"]
        if code not in languages
    ]
    parents = branch_parents(branch, languages, report)
    if first not in parents:
        raise TemplateError(
            ["$.locales: " + _("the branch has no page in “%(code)s”") % {"code": first}]
        )
    replaced = {page.pk for plan in earlier for page in plan.get_descendants(inclusive=True)}
    errors = [f"$.plan: {message}" for message in check_target(tree, parents, replaced)]
    if errors:
        raise TemplateError(errors)

    for plan in earlier:
        plan.delete()
    resolver = PortableResolver(
        document, list(parents), collection_name=branch.title, fetch_media=fetch_media
    )
    try:
        resolver.prepare()
    except (ValidationError, MissingTranslationError) as error:
        messages = _messages(error)
        raise TemplateError([m if m.startswith("$") else f"$: {m}" for m in messages]) from error
    install = document["source"]["install"]
    try:
        result = save_tree(
            tree, parents, resolver, lambda lang: {"forked_from_install": install}, user, progress
        )
    except ForkError as error:
        raise TemplateError([f"$.plan: {error}"]) from error
    start, end = tree["period"]["start"], tree["period"]["end"]
    report.insert(
        0,
        ngettext(
            "Imported “%(title)s” (%(period)s): %(count)s draft page.",
            "Imported “%(title)s” (%(period)s): %(count)s draft pages.",
            result.count(),
        )
        % {"title": result.plan.title, "period": period_label(start, end), "count": result.count()},
    )
    if earlier:
        report.insert(1, _("Replaced the earlier import of the same plan."))
    return ImportResult(
        plan=result.plan, pages=result.pages, report=report + resolver.report, replaced=len(earlier)
    )


def _messages(error):
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error)]
