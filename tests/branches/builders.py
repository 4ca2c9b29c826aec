"""Two branches with content of every page type in Bokmål and English, and their users."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from wagtail.models import Page

from home.services.branch import create_branch
from tests.factories import (
    ContactPersonFactory,
    CreditedImageFactory,
    DocumentFactory,
    EventPageFactory,
    ResourceArticlePageFactory,
    make_plan,
    translate_tree,
)
from tests.installs import SharedInstall

PASSWORD = "branch-test-password"


@dataclass
class BranchContent:
    """A branch set up with ``create_branch`` and one page of every type in every locale."""

    setup: object
    pages: dict = field(default_factory=dict)  # (page class, language code) -> page
    contact: object = None
    image: object = None
    document: object = None

    @property
    def branch(self):
        return self.setup.branch

    def page(self, model, language_code="nb"):
        return self.pages[(model, language_code)]

    def subtree_ids(self):
        """The ids of every page of the branch in every locale."""
        ids = []
        for branch in self.branch.get_translations(inclusive=True):
            ids += Page.objects.descendant_of(branch, inclusive=True).values_list("pk", flat=True)
        return ids


def build_branch(slug, name, **plan_values):
    """Create a branch with a plan (one strategy, one measure), a resource and an event, in
    nb and en, plus a contact person, an image and a document of its own. ``plan_values``
    go to the plan, e.g. ``period_start=2026, period_end=2027``."""
    setup = create_branch(slug, name)
    tree = make_plan(branch=setup.branch, strategies=1, measures_per_strategy=1, **plan_values)
    article = ResourceArticlePageFactory(parent=setup.resource_indexes[0], title=f"Ressurs {slug}")
    event = EventPageFactory(parent=setup.event_indexes[0], title=f"Arrangement {slug}")
    for page in (tree.plan, article, event):
        translate_tree(page, "en")
    content = BranchContent(setup=setup)
    for branch in setup.pages:
        for page in Page.objects.descendant_of(branch, inclusive=True).specific():
            content.pages[(type(page), page.locale.language_code)] = page
    content.contact = ContactPersonFactory(name=f"Kontakt {slug}", branch=setup.branch)
    content.image = CreditedImageFactory(title=f"Bilde {slug}", collection=setup.collection)
    content.document = DocumentFactory(title=f"Dokument {slug}", collection=setup.collection)
    return content


def build_nordland_and_troms():
    """``(nordland, troms)``: the two branches of :func:`build_branch`, Nordland first."""
    return (
        build_branch("nordland", "Norsk kulturskoleråd Nordland"),
        build_branch("troms", "Norsk kulturskoleråd Troms"),
    )


#: :func:`build_nordland_and_troms`, built once per test process (see :mod:`tests.installs`).
NORDLAND_AND_TROMS = SharedInstall(build_nordland_and_troms)


def make_user(username, *groups):
    """An active user with an e-mail address, in ``groups``."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.add(*groups)
    return user


def page_state(page_ids):
    """What an admin action could change about pages, to compare before and after."""
    return list(
        Page.objects.filter(pk__in=page_ids)
        .order_by("pk")
        .values_list(
            "pk",
            "path",
            "title",
            "draft_title",
            "slug",
            "live",
            "has_unpublished_changes",
            "latest_revision_id",
            "locked",
            "alias_of_id",
        )
    )
