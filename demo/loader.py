"""Load the demo content: Norsk kulturskoleråd Nordland with its action plan 2024–2025.

The content comes from :mod:`demo.fixtures.nordland_2024_2025`. Everything is created in
Norwegian Bokmål first and then translated into English (marked as an unofficial translation):
snippets before the pages that use them, resources and events before the plan that links to
them. Loading is idempotent: snippets, the branch, resources and events are looked up by their
natural keys, and an existing plan is left as it is.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from core.languages import content_languages, content_locales
from demo.fixtures import nordland_2024_2025 as data
from home.models import BranchPage
from home.services.branch import branch_groups
from plan.models import ActionPlanPage
from resources.models import EventIndexPage, ResourceIndexPage

from .base import DemoContext, DemoReport
from .branch import ensure_branch
from .pages import create_plan, ensure_events, ensure_resources
from .snippets import ensure_snippets

__all__ = [
    "DEFAULT_ADMIN_PASSWORD",
    "DEFAULT_ADMIN_USERNAME",
    "DEMO_BRANCH_USER_PASSWORD",
    "DemoContentError",
    "DemoReport",
    "ensure_branch",
    "ensure_demo_admin",
    "ensure_demo_branch_users",
    "load_demo_content",
]

SOURCE_LANGUAGE = "nb"
TRANSLATION_LANGUAGE = "en"
DEFAULT_ADMIN_USERNAME = "admin"
#: The demo admin's password when none is given: for a local demo only, never in production.
DEFAULT_ADMIN_PASSWORD = "demo-admin"
#: The password of the demo branch editor "redaktor" and approver "godkjenner" (local demo only).
DEMO_BRANCH_USER_PASSWORD = "demo-fylke"


class DemoContentError(Exception):
    """The demo content cannot be loaded into this install, e.g. a content language is missing."""


def ensure_demo_admin(username=DEFAULT_ADMIN_USERNAME, password=None):
    """Return ``(user, password, created)`` for the demo superuser ``username``.

    A new user gets ``password``, or :data:`DEFAULT_ADMIN_PASSWORD` when none is given. An
    existing user's password is changed only when ``password`` is given; otherwise the returned
    password is ``None`` (unchanged, unknown).
    """
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        password = password or DEFAULT_ADMIN_PASSWORD
        user = user_model.objects.create_superuser(
            username=username, email=f"{username}@example.com", password=password
        )
        return user, password, True
    if password:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user, password, False


def ensure_demo_branch_users(branch, password=DEMO_BRANCH_USER_PASSWORD):
    """Return the usernames created of the demo editor "redaktor" and approver "godkjenner".

    They join ``branch``'s editor and approver groups: "redaktor" saves drafts and submits
    them for moderation, "godkjenner" approves and publishes (and gets the moderation
    e-mails). An existing user keeps their password.
    """
    editors, approvers = branch_groups(branch)
    created = []
    for username, group in (("redaktor", editors), ("godkjenner", approvers)):
        user, is_new = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        if is_new:
            user.set_password(password)
            user.save(update_fields=["password"])
            created.append(username)
        user.groups.add(group)
    return created


def _check_languages():
    codes = content_languages()
    if codes[:1] != [SOURCE_LANGUAGE] or TRANSLATION_LANGUAGE not in codes:
        raise DemoContentError(
            f"The demo content needs the content languages {SOURCE_LANGUAGE} (first) and "
            f"{TRANSLATION_LANGUAGE}, but CONTENT_LANGUAGES is {','.join(codes)}."
        )


@transaction.atomic
def load_demo_content(
    create_admin=True, admin_username=DEFAULT_ADMIN_USERNAME, admin_password=None
):
    """Create the Nordland branch and its plan 2024–2025 in nb and en, and the demo users.

    The demo users are a superuser and Nordland's editor "redaktor" and approver
    "godkjenner" (only with ``create_admin``).

    All in one transaction; what exists already is kept as it is. Returns a
    :class:`DemoReport`. Raises :class:`DemoContentError` when the install cannot hold the
    demo content.
    """
    _check_languages()
    content_locales()
    ctx = DemoContext(
        nb=Locale.objects.get(language_code=SOURCE_LANGUAGE),
        en=Locale.objects.get(language_code=TRANSLATION_LANGUAGE),
        report=DemoReport(),
    )
    if not BranchPage.objects.filter(slug=data.BRANCH["slug"], locale=ctx.nb).exists():
        ctx.report.count(BranchPage)
    branch = ensure_branch(**data.BRANCH)
    ensure_snippets(ctx, branch)
    ensure_resources(ctx, ResourceIndexPage.objects.child_of(branch).get())
    ensure_events(ctx, EventIndexPage.objects.child_of(branch).get())
    plan = ActionPlanPage.objects.child_of(branch).filter(slug=data.PLAN["slug"]).first()
    if plan is None:
        create_plan(ctx, branch)
    else:
        ctx.report.notes.append(f"The plan “{plan.title}” exists already and was left as it is.")
    if create_admin:
        user, password, created = ensure_demo_admin(admin_username, admin_password)
        ctx.report.admin_username = user.get_username()
        ctx.report.admin_password = password
        ctx.report.admin_created = created
        new_users = ensure_demo_branch_users(branch)
        if new_users:
            ctx.report.count(get_user_model(), len(new_users))
        ctx.report.notes.append(
            f"Demo editor “redaktor” and approver “godkjenner” of {branch.title} "
            f"(password of a new one: {DEMO_BRANCH_USER_PASSWORD})."
        )
    return ctx.report
