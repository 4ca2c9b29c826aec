"""Set up, rename and archive a county branch.

A branch is a ``BranchPage`` under the HomePage in every content language (translations of
each other) with its resource and event index pages, a collection for its images and
documents, an editor and an approver group and a moderation workflow (see
``access.branch_groups`` for who may do what).
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Revision, Workflow, WorkflowState

from access.branch_groups import (
    APPROVER_PAGE_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    NATIONAL_GROUP_NAME,
    approvers_group_name,
    branch_groups,
    branch_workflow,
    editors_group_name,
    ensure_branch_group,
    ensure_collection,
    ensure_national_group,
    ensure_workflow,
    workflow_name,
)
from core.languages import content_languages, default_language, default_locale
from core.translation import translate_page
from home.models import BranchPage
from home.services.site import ensure_home_page
from resources.models import EventIndexPage, ResourceIndexPage
from translations.adopt import adopt_translation

__all__ = [
    "NATIONAL_GROUP_NAME",
    "BranchError",
    "BranchSetup",
    "archive_branch",
    "branch_groups",
    "branch_workflow",
    "create_branch",
    "ensure_national_group",
    "find_branch",
    "get_branch",
    "rename_branch",
    "resolve_locales",
]

# Group names are at most 150 characters; leave room for the suffixes.
MAX_NAME_LENGTH = 120
MAX_SHORT_NAME_LENGTH = 64
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 64

# Titles and slugs of a branch's index pages per content language; a language not listed
# gets the default language's.
INDEX_PAGES = (
    (
        ResourceIndexPage,
        {
            "nb": ("Ressurser", "ressurser"),
            "nn": ("Ressursar", "ressursar"),
            "en": ("Resources", "resources"),
        },
    ),
    (
        EventIndexPage,
        {
            "nb": ("Arrangementer", "arrangementer"),
            "nn": ("Arrangement", "arrangement"),
            "en": ("Events", "events"),
        },
    ),
)


class BranchError(ValueError):
    """A branch cannot be set up, renamed or archived as asked; nothing was changed."""


@dataclass
class BranchSetup:
    """What a branch consists of, in the default language first."""

    pages: list
    resource_indexes: list
    event_indexes: list
    collection: Collection
    editors: Group
    approvers: Group
    workflow: Workflow
    created: bool = False
    locales: list = field(default_factory=list)

    @property
    def branch(self):
        """The branch page in the default language."""
        return self.pages[0]


# --- Validation ---------------------------------------------------------------------------


def validate_slug(slug):
    """Return ``slug`` if it is a usable branch slug (lower-case letters, digits, hyphens)."""
    if not slug or len(slug) > MAX_SLUG_LENGTH or not SLUG_PATTERN.match(slug):
        raise BranchError(
            f"Invalid branch slug {slug!r}: use lower-case letters a–z, digits and single "
            f"hyphens, at most {MAX_SLUG_LENGTH} characters (e.g. “more-og-romsdal”)."
        )
    return slug


def validate_name(name):
    """Return ``name`` stripped, if it is a usable branch name."""
    name = (name or "").strip()
    if not name:
        raise BranchError("The branch needs a name, e.g. “Norsk kulturskoleråd Troms”.")
    if len(name) > MAX_NAME_LENGTH:
        raise BranchError(f"The branch name is longer than {MAX_NAME_LENGTH} characters.")
    return name


def resolve_locales(language_codes=None):
    """The Locales of ``language_codes`` (default: every content language), default first.

    Every code must be a content language, and the default language must be among them: the
    other languages are translations of it.
    """
    content_codes = content_languages()
    codes = content_codes if not language_codes else list(dict.fromkeys(language_codes))
    unknown = [code for code in codes if code not in content_codes]
    if unknown:
        raise BranchError(
            f"Unknown language(s): {', '.join(unknown)}. "
            f"The content languages are: {', '.join(content_codes)}."
        )
    if content_codes[0] not in codes:
        raise BranchError(
            f"The languages must include the default language “{content_codes[0]}”; "
            "the other languages are translations of it."
        )
    ordered = [code for code in content_codes if code in codes]
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ordered]


def _short_name(name, short_name, home):
    if short_name:
        short_name = short_name.strip()
    else:
        prefix = f"{home.organisation_name} "
        short_name = name[len(prefix) :] if name.startswith(prefix) else name
    if not short_name or len(short_name) > MAX_SHORT_NAME_LENGTH:
        raise BranchError(
            f"The short name must be 1 to {MAX_SHORT_NAME_LENGTH} characters; "
            "give it with --short-name."
        )
    return short_name


# --- Look-ups -----------------------------------------------------------------------------


def find_branch(slug):
    """The default-language BranchPage with ``slug``, or ``None``."""
    return BranchPage.objects.filter(locale=default_locale(), slug=slug).first()


def get_branch(slug):
    """The default-language BranchPage with ``slug``; a clear error when there is none."""
    branch = find_branch(slug)
    if branch is None:
        existing = BranchPage.objects.filter(locale=default_locale()).order_by("slug")
        known = ", ".join(existing.values_list("slug", flat=True)) or "none"
        raise BranchError(f"There is no branch with the slug “{slug}” (existing: {known}).")
    return branch


# --- Set-up pieces --------------------------------------------------------------------------


def _managed_translation(page, locale, **values):
    """A new translation of ``page`` into ``locale``, managed by wagtail-localize.

    The page is created as the demo loader creates its translations (``translate_page``, so
    that it is published with the source and marked as asked), then recorded in
    wagtail-localize's models with every string translated: it opens in the translation
    editor and "Sync translated pages" reaches it from day one.
    """
    translation = translate_page(page, locale, publish=page.live, **values)
    adopt_translation(page, translation)
    return translation


def _ensure_branch_pages(home, slug, name, short_name, locales, translation_values):
    """Return (pages, created): the branch page in every locale, created where missing."""
    branch = find_branch(slug)
    created = branch is None
    if created:
        if home.get_children().filter(slug=slug).exists():
            raise BranchError(f"A page with the slug “{slug}” already exists under the home page.")
        branch = BranchPage(title=name, slug=slug, short_name=short_name, locale=locales[0])
        home.add_child(instance=branch)
        branch.save_revision().publish()
        branch.refresh_from_db()
    pages = [branch]
    for locale in locales[1:]:
        translation = branch.get_translation_or_none(locale)
        if translation is None:
            translation = _managed_translation(branch, locale, title=name, **translation_values)
        pages.append(translation.specific)
    return pages, created


def _index_title(titles, locale):
    return titles.get(locale.language_code) or titles[default_language()]


def _ensure_index_pages(branch, model, titles, locales, translation_values):
    """Return the index page of ``model`` under ``branch`` in every locale."""
    index = model.objects.child_of(branch).first()
    if index is None:
        title, slug = _index_title(titles, locales[0])
        index = model(title=title, slug=slug, locale=locales[0])
        branch.add_child(instance=index)
        revision = index.save_revision()
        if branch.live:
            revision.publish()
        index.refresh_from_db()
    pages = [index]
    for locale in locales[1:]:
        translation = index.get_translation_or_none(locale)
        if translation is None:
            title, slug = _index_title(titles, locale)
            translation = _managed_translation(
                index, locale, title=title, slug=slug, **translation_values
            )
        pages.append(translation.specific)
    return pages


# --- Services -------------------------------------------------------------------------------


@transaction.atomic
def create_branch(slug, name, languages=None, short_name=None, unofficial_translations=False):
    """Set up the branch ``slug`` named ``name`` with everything it needs; return a BranchSetup.

    Idempotent: what exists is kept as it is, what is missing (e.g. a new language) is added.
    A slug that exists with another name, or a name another branch has, is a BranchError.
    With ``unofficial_translations``, the translations it creates are marked unofficial.
    """
    slug = validate_slug(slug)
    name = validate_name(name)
    locales = resolve_locales(languages)
    home = ensure_home_page()
    existing = find_branch(slug)
    if existing is not None and existing.title != name:
        raise BranchError(
            f"The branch “{slug}” already exists with the name “{existing.title}”; "
            "use rename_branch to rename it."
        )
    namesake = BranchPage.objects.filter(locale=locales[0], title=name).exclude(slug=slug).first()
    if namesake is not None:
        raise BranchError(f"The branch “{namesake.slug}” already has the name “{name}”.")
    short_name = existing.short_name if existing else _short_name(name, short_name, home)

    translation_values = {"unofficial_translation": True} if unofficial_translations else {}
    pages, created = _ensure_branch_pages(home, slug, name, short_name, locales, translation_values)
    indexes = {
        model: _ensure_index_pages(pages[0], model, titles, locales, translation_values)
        for model, titles in INDEX_PAGES
    }
    collection = ensure_collection(name)
    editors = ensure_branch_group(
        editors_group_name(name), pages, EDITOR_PAGE_PERMISSIONS, collection
    )
    approvers = ensure_branch_group(
        approvers_group_name(name), pages, APPROVER_PAGE_PERMISSIONS, collection
    )
    workflow = ensure_workflow(pages, name, approvers)
    ensure_national_group()
    return BranchSetup(
        pages=pages,
        resource_indexes=indexes[ResourceIndexPage],
        event_indexes=indexes[EventIndexPage],
        collection=collection,
        editors=editors,
        approvers=approvers,
        workflow=workflow,
        created=created,
        locales=locales,
    )


def _rename_page(page, name, short_name):
    """Give ``page`` a new title and short name in its draft and, when live, on the site."""
    page = page.specific
    had_unpublished_changes = page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    draft.title = name
    draft.short_name = short_name
    revision = draft.save_revision(clean=True)
    if page.live and not had_unpublished_changes:
        revision.publish()
    elif page.live:
        # The pending draft keeps its other changes; the live page gets the new name now.
        BranchPage.objects.filter(pk=page.pk).update(title=name, short_name=short_name)


def _rename(model, old_name, new_name):
    if old_name == new_name:
        return
    if model.objects.filter(name=new_name).exists():
        raise BranchError(f"There is already a {model._meta.verbose_name} named “{new_name}”.")
    model.objects.filter(name=old_name).update(name=new_name)


@transaction.atomic
def rename_branch(slug, name, short_name=None):
    """Rename a branch in every language, with its groups, collection and workflow.

    Returns the default-language BranchPage. A name another branch has is a BranchError.
    """
    branch = get_branch(validate_slug(slug))
    name = validate_name(name)
    old_name = branch.title
    namesake = BranchPage.objects.filter(title=name).exclude(translation_key=branch.translation_key)
    if namesake.exists():
        raise BranchError(f"Another branch already has the name “{name}”.")
    if short_name is None:
        # A new name gives a new short name unless one is given; the same name keeps it.
        short_name = branch.short_name if name == old_name else None
    short_name = _short_name(name, short_name, branch.get_parent().specific)
    if name == old_name and short_name == branch.short_name:
        return branch

    for page in branch.get_translations(inclusive=True):
        _rename_page(page, name, short_name)
    _rename(Group, editors_group_name(old_name), editors_group_name(name))
    _rename(Group, approvers_group_name(old_name), approvers_group_name(name))
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=old_name).first()
    if collection is not None and old_name != name:
        if root.get_children().filter(name=name).exists():
            raise BranchError(f"There is already a collection named “{name}”.")
        collection.name = name
        collection.save()
    workflow = branch_workflow(branch)
    if workflow is not None:
        workflow.name = workflow_name(name)
        workflow.save(update_fields=["name"])
        workflow.tasks.filter(name=workflow_name(old_name)).update(name=workflow_name(name))
    branch.refresh_from_db()
    return branch


@transaction.atomic
def archive_branch(slug, user=None):
    """Unpublish a branch and everything under it in every language; keep the content.

    Scheduled publishing in the subtree is cancelled and moderation in progress is stopped,
    so nothing comes back online by itself. Returns the number of pages unpublished.
    """
    branch = get_branch(validate_slug(slug))
    subtree = Page.objects.none()
    for translation in branch.get_translations(inclusive=True):
        subtree |= Page.objects.descendant_of(translation, inclusive=True)
    page_ids = [str(pk) for pk in subtree.values_list("pk", flat=True)]
    Revision.objects.page_revisions().filter(
        object_id__in=page_ids, approved_go_live_at__isnull=False
    ).update(approved_go_live_at=None)
    for state in WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids
    ):
        state.cancel(user=user)
    unpublished = 0
    for page in subtree.live().order_by("-depth").specific():
        page.unpublish(user=user)
        unpublished += 1
    return unpublished
