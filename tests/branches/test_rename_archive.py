"""Renaming a branch renames everything that carries its name; archiving takes it offline."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, Page, WorkflowState

from home.models import BranchPage
from home.services.branch import create_branch
from plan.models import ActionPlanPage
from tests.branches.builders import build_branch, make_user, page_state

pytestmark = pytest.mark.django_db

OLD = "Norsk kulturskoleråd Troms"
NEW = "Norsk kulturskoleråd Troms og Finnmark"


def run(command, *args, **options):
    out = StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def test_rename_changes_title_groups_collection_and_workflow_in_every_locale():
    setup = create_branch("troms", OLD)

    run("rename_branch", "troms", name=NEW)

    for page in BranchPage.objects.filter(slug="troms"):
        assert (page.title, page.draft_title, page.short_name) == (NEW, NEW, "Troms og Finnmark")
        assert page.live and not page.has_unpublished_changes
        assert page.get_latest_revision_as_object().title == NEW
    assert set(
        Group.objects.filter(pk__in=[setup.editors.pk, setup.approvers.pk]).values_list(
            "name", flat=True
        )
    ) == {
        f"{NEW} redaktører",
        f"{NEW} godkjennere",
    }
    setup.collection.refresh_from_db()
    assert setup.collection.name == NEW
    setup.workflow.refresh_from_db()
    assert setup.workflow.name == f"Godkjenning i fylkesstyret ({NEW})"
    assert setup.workflow.tasks.get().name == f"Godkjenning i fylkesstyret ({NEW})"
    # Running create_branch with the new name now finds the renamed branch unchanged.
    assert create_branch("troms", NEW).editors == setup.editors


def test_rename_keeps_a_pending_draft_and_renames_the_live_page():
    setup = create_branch("troms", OLD)
    branch = setup.branch
    draft = branch.get_latest_revision_as_object()
    draft.intro = "<p>Ikke publisert ennå.</p>"
    draft.save_revision()

    run("rename_branch", "troms", name=NEW, short_name="Troms–Finnmark")

    branch.refresh_from_db()
    assert branch.title == NEW and branch.short_name == "Troms–Finnmark"
    assert branch.has_unpublished_changes
    latest = branch.get_latest_revision_as_object()
    assert latest.title == NEW and latest.intro == "<p>Ikke publisert ennå.</p>"
    assert branch.intro == ""


def test_rename_to_another_branchs_name_is_an_error_and_changes_nothing():
    create_branch("troms", OLD)
    create_branch("nordland", "Norsk kulturskoleråd Nordland")
    titles = list(BranchPage.objects.order_by("pk").values_list("title", flat=True))

    with pytest.raises(CommandError, match="already has the name"):
        run("rename_branch", "troms", name="Norsk kulturskoleråd Nordland")

    assert list(BranchPage.objects.order_by("pk").values_list("title", flat=True)) == titles
    assert Collection.objects.filter(name=OLD).exists()


def test_rename_of_an_unknown_branch_is_an_error():
    create_branch("troms", OLD)
    with pytest.raises(
        CommandError, match="no branch with the slug “finnmark” \\(existing: troms\\)"
    ):
        run("rename_branch", "finnmark", name=NEW)


def test_archive_unpublishes_the_subtree_in_every_locale_and_keeps_the_content():
    content = build_branch("troms", OLD)
    other = build_branch("nordland", "Norsk kulturskoleråd Nordland")
    other_before = page_state(other.subtree_ids())
    page_ids = content.subtree_ids()
    assert len(page_ids) == 16 and Page.objects.filter(pk__in=page_ids, live=True).count() == 16
    plan = content.page(ActionPlanPage)
    editor = make_user("redaktor", content.setup.editors)
    make_user("godkjenner", content.setup.approvers)
    plan.save_revision(user=editor)
    content.setup.workflow.start(plan, editor)

    output = run("archive_branch", "troms")

    assert "16 page(s) unpublished" in output
    assert Page.objects.filter(pk__in=page_ids).count() == 16
    assert not Page.objects.filter(pk__in=page_ids, live=True).exists()
    assert not WorkflowState.objects.active().exists()
    assert page_state(other.subtree_ids()) == other_before
    # Archiving again finds nothing left to unpublish; set-up does not republish it.
    assert "0 page(s) unpublished" in run("archive_branch", "troms")
    create_branch("troms", OLD)
    assert not Page.objects.filter(pk__in=page_ids, live=True).exists()


def test_archive_of_an_unknown_branch_is_an_error():
    with pytest.raises(CommandError, match="no branch with the slug"):
        run("archive_branch", "troms")
