"""``create_branch`` sets up a branch completely, once, and refuses bad input."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Workflow,
    WorkflowPage,
)

from home.models import BranchPage, HomePage
from home.services.branch import NATIONAL_GROUP_NAME
from resources.models import EventIndexPage, ResourceIndexPage

pytestmark = pytest.mark.django_db

NAME = "Norsk kulturskoleråd Troms"


def create(*args, **options):
    out = StringIO()
    call_command("create_branch", *args, stdout=out, **options)
    return out.getvalue()


def database_state():
    """Counts and keys of everything create_branch writes."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "path", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "groups": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "group permissions": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "collections": list(Collection.objects.values_list("pk", "name")),
        "workflows": list(Workflow.objects.values_list("pk", "name")),
        "workflow pages": WorkflowPage.objects.count(),
        "tasks": GroupApprovalTask.objects.count(),
    }


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def collection_codenames(group):
    return {
        (permission.collection.name, permission.permission.codename)
        for permission in GroupCollectionPermission.objects.filter(group=group).select_related(
            "collection", "permission"
        )
    }


def test_creates_the_branch_in_every_language_as_translations():
    output = create("troms", name=NAME)

    assert "Created" in output
    pages = BranchPage.objects.filter(slug="troms").order_by("locale__language_code")
    assert [page.locale.language_code for page in pages] == ["en", "nb"]
    assert len({page.translation_key for page in pages}) == 1
    for page in pages:
        assert page.title == NAME and page.short_name == "Troms" and page.live
        assert page.get_parent().specific_class is HomePage
        assert page.get_parent().locale_id == page.locale_id
        for model in (ResourceIndexPage, EventIndexPage):
            index = model.objects.child_of(page).get()
            assert index.live and index.locale_id == page.locale_id
    nb_index = ResourceIndexPage.objects.get(locale__language_code="nb")
    en_index = ResourceIndexPage.objects.get(locale__language_code="en")
    assert (nb_index.title, nb_index.slug) == ("Ressurser", "ressurser")
    assert (en_index.title, en_index.slug) == ("Resources", "resources")
    assert en_index.translation_key == nb_index.translation_key


def test_groups_get_page_permissions_in_every_locale_and_their_own_collection():
    create("nordland", name="Norsk kulturskoleråd Nordland")
    create("troms", name=NAME)

    editors = Group.objects.get(name=f"{NAME} redaktører")
    approvers = Group.objects.get(name=f"{NAME} godkjennere")
    branches = BranchPage.objects.filter(slug="troms")
    assert branches.count() == 2
    for branch in branches:
        assert page_codenames(editors, branch) == {"add_page", "change_page"}
        assert {"add_page", "change_page", "publish_page"} <= page_codenames(approvers, branch)
    for group in (editors, approvers):
        # Page permissions only on their own branch pages.
        assert set(
            GroupPagePermission.objects.filter(group=group).values_list("page", flat=True)
        ) == set(branches.values_list("pk", flat=True))
        assert collection_codenames(group) == {
            (NAME, codename)
            for codename in (
                "add_image",
                "change_image",
                "choose_image",
                "add_document",
                "change_document",
                "choose_document",
            )
        }
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.permissions.filter(codename="change_contactperson").exists()
        assert group.permissions.filter(codename="view_organisation").exists()
        # Organisations: added and changed per instance (access.permissions), never deleted.
        assert group.permissions.filter(codename="change_organisation").exists()
        assert not group.permissions.filter(codename="delete_organisation").exists()


def test_the_workflow_covers_the_branch_in_every_locale_and_its_approvers_approve():
    create("troms", name=NAME)

    workflow = Workflow.objects.get(name=f"Godkjenning i fylkesstyret ({NAME})")
    for branch in BranchPage.objects.filter(slug="troms"):
        assert branch.get_workflow() == workflow
        assert ResourceIndexPage.objects.child_of(branch).get().get_workflow() == workflow
    task = workflow.tasks.specific().get()
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [f"{NAME} godkjennere"]


def test_national_group_works_in_every_branch():
    create("troms", name=NAME)

    national = Group.objects.get(name=NATIONAL_GROUP_NAME)
    for home in HomePage.objects.all():
        assert {"add_page", "change_page", "publish_page"} <= page_codenames(national, home)
    root = Collection.get_first_root_node()
    assert GroupCollectionPermission.objects.filter(
        group=national, collection=root, permission__codename="change_image"
    ).exists()
    assert national.permissions.filter(codename="change_organisation").exists()


def test_running_it_twice_changes_nothing():
    create("troms", name=NAME)
    before = database_state()

    output = create("troms", name=NAME)

    assert "Checked" in output
    assert database_state() == before


def test_a_new_language_is_added_on_a_later_run():
    create("troms", name=NAME, languages="nb")
    assert BranchPage.objects.filter(slug="troms").count() == 1

    create("troms", name=NAME, languages="nb,en")

    en = BranchPage.objects.get(slug="troms", locale__language_code="en")
    editors = Group.objects.get(name=f"{NAME} redaktører")
    assert page_codenames(editors, en) == {"add_page", "change_page"}
    assert WorkflowPage.objects.filter(page=en).exists()
    assert EventIndexPage.objects.child_of(en).exists()


def test_a_slug_that_exists_with_another_name_is_an_error_and_changes_nothing():
    create("troms", name=NAME)
    before = database_state()

    with pytest.raises(CommandError, match="already exists with the name"):
        create("troms", name="Norsk kulturskoleråd Troms og Finnmark")

    assert database_state() == before


def test_another_branchs_name_is_an_error():
    create("troms", name=NAME)

    with pytest.raises(CommandError, match="already has the name"):
        create("troms-2", name=NAME)
    assert not BranchPage.objects.filter(slug="troms-2").exists()


@pytest.mark.parametrize(
    ("slug", "options", "message"),
    [
        ("Troms", {"name": NAME}, "Invalid branch slug"),
        ("troms--nord", {"name": NAME}, "Invalid branch slug"),
        ("troms", {"name": "  "}, "needs a name"),
        ("troms", {"name": "x" * 121}, "longer than"),
        ("troms", {"name": NAME, "languages": "nb,de"}, "Unknown language"),
        ("troms", {"name": NAME, "languages": "en"}, "default language"),
        ("troms", {"name": NAME, "languages": "nb,"}, "Invalid --languages"),
    ],
)
def test_bad_input_is_a_clear_error_and_creates_nothing(slug, options, message):
    with pytest.raises(CommandError, match=message):
        create(slug, **options)
    assert not BranchPage.objects.exists()
    assert not Group.objects.filter(name__startswith=NAME).exists()


def test_the_command_exits_non_zero_on_an_error(capsys):
    from django.core.management import execute_from_command_line

    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["manage.py", "create_branch", "Bad Slug", "--name", NAME])

    assert exited.value.code != 0
    assert "Invalid branch slug" in capsys.readouterr().err


def test_permission_codenames_exist_for_the_project_image_model():
    # The collection permissions use Wagtail's image permissions (the project's image model
    # has none of its own): make sure they are what the image views check.
    from wagtail.images.permissions import permission_policy

    assert permission_policy.auth_model._meta.label == "wagtailimages.Image"
    assert Permission.objects.filter(
        content_type__app_label="wagtailimages", codename="choose_image"
    ).exists()


def test_translations_may_be_marked_unofficial():
    from home.services.branch import create_branch

    setup = create_branch("troms", NAME, unofficial_translations=True)

    nb_pages = [setup.pages[0], setup.resource_indexes[0], setup.event_indexes[0]]
    en_pages = [setup.pages[1], setup.resource_indexes[1], setup.event_indexes[1]]
    assert not any(page.unofficial_translation for page in nb_pages)
    assert all(page.unofficial_translation for page in en_pages)


def test_the_english_pages_are_managed_by_wagtail_localize_from_day_one(client):
    """The English branch and index pages open in the translation editor with every string
    translated, and "Sync translated pages" reaches them (no adopt_translations needed)."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail_localize.models import StringSegment, Translation, TranslationSource

    from translations.adopt import unmanaged_translations

    create("troms", name=NAME)
    nb_pages = [
        BranchPage.objects.get(slug="troms", locale__language_code="nb"),
        ResourceIndexPage.objects.get(locale__language_code="nb"),
        EventIndexPage.objects.get(locale__language_code="nb"),
    ]
    unmanaged = {target.pk for _source, target in unmanaged_translations()}
    translations = {}
    for page in nb_pages:
        english = page.get_translation(page.get_translations().get().locale)
        assert english.pk not in unmanaged
        translation = Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(page), target_locale=english.locale
        )
        assert translation.enabled
        untranslated = StringSegment.objects.filter(source=translation.source).annotate_translation(
            english.locale
        )
        assert not untranslated.filter(translation__isnull=True).exists(), page
        translations[page.pk] = (translation, english)

    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "x"))
    resources, english = nb_pages[1], translations[nb_pages[1].pk][1]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.templates[0].name == "wagtail_localize/admin/edit_translation.html"
    translation = translations[resources.pk][0]
    sync = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert (
        sync in client.get(reverse("wagtailadmin_pages:edit", args=[resources.pk])).content.decode()
    )

    resources.title = "Ressurser og veiledere"
    resources.save_revision().publish()
    assert client.post(sync, {}).status_code == 302

    remaining = StringSegment.objects.filter(source=translation.source).annotate_translation(
        english.locale
    )
    assert list(
        remaining.filter(translation__isnull=True).values_list("string__data", flat=True)
    ) == ["Ressurser og veiledere"]
    english.refresh_from_db()
    assert english.title == "Resources"


def test_the_english_home_page_is_managed_by_wagtail_localize(client):
    """``ensure_home_page`` (run by the first ``create_branch``) hands the English home page
    to wagtail-localize: it opens in the translation editor with every string translated."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail_localize.models import StringSegment, Translation, TranslationSource

    HomePage.objects.filter(locale__language_code="en").delete()
    create("troms", name=NAME)
    home = HomePage.objects.get(locale__language_code="nb")
    english = HomePage.objects.get(locale__language_code="en")
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(home), target_locale=english.locale
    )
    assert translation.enabled
    segments = StringSegment.objects.filter(source=translation.source)
    assert segments.exists()
    assert not segments.annotate_translation(english.locale).filter(translation__isnull=True)

    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "x"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.templates[0].name == "wagtail_localize/admin/edit_translation.html"
