"""A Troms editor can do nothing to Nordland's pages through the admin, in either language."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import Translation

from home.models import BranchPage, HomePage
from home.services.branch import ensure_national_group
from plan.models import ActionPlanPage, MeasurePage, StrategyPage
from resources.models import EventIndexPage, EventPage, ResourceArticlePage, ResourceIndexPage
from tests.branches.builders import build_branch, make_user, page_state

PAGE_TYPES = [
    BranchPage,
    ActionPlanPage,
    StrategyPage,
    MeasurePage,
    ResourceIndexPage,
    ResourceArticlePage,
    EventIndexPage,
    EventPage,
]
LANGUAGES = ["nb", "en"]


class TromsEditorOnNordlandPagesTests(TestCase):
    """Every admin path on every Nordland page type, in both locale trees, is refused to a
    Troms editor, who works in Troms. Nordland and Troms have content of every page type in
    nb and en."""

    @classmethod
    def setUpTestData(cls):
        cls.nordland = build_branch("nordland", "Norsk kulturskoleråd Nordland")
        # Another period, so that Nordland's plan could move under Troms by its slug.
        cls.troms = build_branch(
            "troms", "Norsk kulturskoleråd Troms", period_start=2026, period_end=2027
        )
        cls.troms_editor = make_user("troms-redaktor", cls.troms.setup.editors)
        cls.troms_approver = make_user("troms-godkjenner", cls.troms.setup.approvers)

    def nordland_pages(self):
        for model in PAGE_TYPES:
            for language in LANGUAGES:
                yield self.nordland.page(model, language)

    def troms_counterpart_of_parent(self, page):
        """Troms's page of the type of ``page``'s parent, in the same locale: a destination
        the Troms editor may add to."""
        parent = page.get_parent().specific
        language = page.locale.language_code
        if isinstance(parent, HomePage):
            return parent
        return self.troms.page(type(parent), language)

    def move_destination(self, page):
        """Troms's counterpart of the parent when the page could go there by the page-type and
        slug rules (so that only permissions stand in the way), else its own parent."""
        destination = self.troms_counterpart_of_parent(page)
        if page.can_move_to(destination) and Page._slug_is_available(
            page.slug, destination, page=page
        ):
            return destination
        return page.get_parent()

    def state(self):
        return (
            page_state(self.nordland.subtree_ids()),
            Page.objects.count(),
            Revision.objects.count(),
            WorkflowState.objects.count(),
            Translation.objects.count(),
        )

    def assertRefused(self, response):
        """A refusal: 403, or Wagtail's redirect to the dashboard with "no permission"."""
        if response.status_code == 403:
            return
        self.assertEqual(response.status_code, 302, response.content[:300])
        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))

    def setUp(self):
        self.client.force_login(self.troms_editor)
        self.before = self.state()

    def assertRefusedAndUnchanged(self, method, url, data=None):
        response = getattr(self.client, method)(url, data or {})
        self.assertRefused(response)
        self.assertEqual(self.state(), self.before)

    def test_explore_leads_to_the_editors_own_branch(self):
        troms_explorer = reverse("wagtailadmin_explore", args=[self.troms.page(BranchPage).pk])
        for page in self.nordland_pages():
            with self.subTest(page=page):
                for name in ("wagtailadmin_explore", "wagtailadmin_explore_results"):
                    response = self.client.get(reverse(name, args=[page.pk]))
                    self.assertEqual(response.status_code, 302)
                    self.assertEqual(response["Location"], troms_explorer)
        response = self.client.get(troms_explorer)
        self.assertContains(response, self.troms.page(ActionPlanPage).title)

    def test_explorer_and_search_list_no_nordland_page(self):
        nordland_branch = self.nordland.page(BranchPage)
        home = nordland_branch.get_parent()
        for url in (
            reverse("wagtailadmin_explore", args=[home.pk]),
            reverse("wagtailadmin_pages:search") + "?q=Nordland",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, nordland_branch.title)
                self.assertNotContains(
                    response, reverse("wagtailadmin_pages:edit", args=[nordland_branch.pk])
                )

    def test_control_national_staff_and_superusers_explore_nordland(self):
        national = make_user("nasjonal", ensure_national_group())
        superuser = make_user("super")
        superuser.is_superuser = True
        superuser.save()
        plan = self.nordland.page(ActionPlanPage)
        for user in (national, superuser):
            with self.subTest(user=user):
                self.client.force_login(user)
                response = self.client.get(reverse("wagtailadmin_explore", args=[plan.pk]))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, self.nordland.page(StrategyPage).title)

    def test_edit(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                self.assertRefusedAndUnchanged("get", url)
                self.assertRefusedAndUnchanged("post", url, {"title": "Endret", "slug": page.slug})

    def test_publish(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                data = {"title": "Publisert", "slug": page.slug, "action-publish": "1"}
                self.assertRefusedAndUnchanged("post", url, data)

    def test_unpublish_and_lock(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                self.assertRefusedAndUnchanged(
                    "post", reverse("wagtailadmin_pages:unpublish", args=[page.pk])
                )
                self.assertRefusedAndUnchanged(
                    "post", reverse("wagtailadmin_pages:lock", args=[page.pk])
                )

    def test_delete(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                url = reverse("wagtailadmin_pages:delete", args=[page.pk])
                self.assertRefusedAndUnchanged("get", url)
                self.assertRefusedAndUnchanged("post", url)

    def test_move(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                destination = self.move_destination(page)
                self.assertRefusedAndUnchanged(
                    "get", reverse("wagtailadmin_pages:move", args=[page.pk])
                )
                self.assertRefusedAndUnchanged(
                    "post",
                    reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]),
                )

    def test_copy_into_troms(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                destination = self.troms_counterpart_of_parent(page)
                data = {
                    "new_title": "Kopi",
                    "new_slug": "kopi",
                    "new_parent_page": destination.pk,
                    "copy_subpages": "on",
                    "publish_copies": "on",
                }
                url = reverse("wagtailadmin_pages:copy", args=[page.pk])
                self.assertRefusedAndUnchanged("get", url)
                self.assertRefusedAndUnchanged("post", url, data)

    def test_add_below(self):
        for page in self.nordland_pages():
            with self.subTest(page=page):
                self.assertRefusedAndUnchanged(
                    "get", reverse("wagtailadmin_pages:add_subpage", args=[page.pk])
                )

    def test_translate(self):
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        for page in self.nordland_pages():
            with self.subTest(page=page):
                url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                other = "en" if page.locale.language_code == "nb" else "nb"
                self.assertRefusedAndUnchanged("get", url)
                self.assertRefusedAndUnchanged(
                    "post", url, {"locales": [locales[other].pk], "include_subtree": "on"}
                )

    def test_bulk_actions(self):
        ids = "&".join(f"id={pk}" for pk in self.nordland.subtree_ids())
        for action in ("delete", "publish", "unpublish"):
            with self.subTest(action=action):
                url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
                # Wagtail leaves out the pages the user may not touch: here, all of them.
                self.client.post(f"{url}?{ids}", {"include_descendants": "on"})
                self.assertEqual(self.state(), self.before)

    def test_control_a_superusers_identical_move_and_copy_go_through(self):
        admin = make_user("admin")
        admin.is_superuser = True
        admin.save()
        self.client.force_login(admin)
        plan = self.nordland.page(ActionPlanPage)
        destination = self.move_destination(plan)
        self.assertEqual(destination, self.troms.branch)
        response = self.client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[plan.pk, destination.pk])
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Page.objects.get(pk=plan.pk).is_descendant_of(self.troms.branch))
        measure = self.nordland.page(MeasurePage, "en")
        response = self.client.post(
            reverse("wagtailadmin_pages:copy", args=[measure.pk]),
            {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": measure.get_parent().pk},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Page.objects.filter(slug="kopi").exists())

    def test_control_the_editor_edits_every_troms_page_type_in_both_locales(self):
        for model in PAGE_TYPES:
            for language in LANGUAGES:
                page = self.troms.page(model, language)
                with self.subTest(page=page):
                    response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                    self.assertEqual(response.status_code, 200)

    def test_may_not_publish_even_in_troms(self):
        plan = self.troms.page(ActionPlanPage)
        self.assertTrue(plan.permissions_for_user(self.troms_editor).can_edit())
        self.assertFalse(plan.permissions_for_user(self.troms_editor).can_publish())
        self.assertTrue(plan.permissions_for_user(self.troms_approver).can_publish())
        nordland_plan = self.nordland.page(ActionPlanPage, "en")
        self.assertFalse(nordland_plan.permissions_for_user(self.troms_approver).can_edit())
