"""A fork is written in bulk: the tree, revisions, log, reference and search index come out as
Wagtail's own ``add_child`` + ``save_revision`` would leave them, in a constant number of
queries."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.test.utils import WagtailTestUtils

from core.models import Organisation
from plan.models import MeasurePage, MeasurePartner
from plan.services.fork import fork_plan
from plan.services.plan_tree import (
    ForkError,
    SameInstall,
    branch_parents,
    dump_plan,
    save_tree,
    set_period,
)
from tests.factories import MeasurePageFactory, translate_tree
from tests.fork.builders import SOURCE_PLAN


class ForkTreeTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        cls.result = fork_plan(cls.source.plan, cls.source.troms, (2026, 2027), user=cls.user)

    def test_the_tree_has_no_problems(self):
        problems = Page.find_problems()
        self.assertEqual(problems, ([], [], [], [], []))

    def test_paths_depths_url_paths_and_child_counts(self):
        for built in self.result.pages.values():
            page = Page.objects.get(pk=built.pk)
            parent = page.get_parent()
            with self.subTest(page=page.title):
                self.assertIs(page.specific_class, type(built))
                self.assertEqual(page.depth, parent.depth + 1)
                self.assertEqual(page.url_path, f"{parent.url_path}{page.slug}/")
                self.assertEqual(page.numchild, page.get_children().count())
                self.assertEqual(parent.numchild, parent.get_children().count())
                self.assertEqual(page.draft_title, page.title)

    def test_one_revision_per_page_with_its_rows_and_a_created_log_entry(self):
        for page in self.result.pages.values():
            page = Page.objects.get(pk=page.pk).specific
            with self.subTest(page=page.title):
                self.assertEqual(list(page.revisions.all()), [page.latest_revision])
                self.assertEqual(page.latest_revision.user, self.user)
                self.assertIsNotNone(page.latest_revision_created_at)
                draft = page.get_latest_revision_as_object()
                self.assertEqual(draft.title, page.title)
                if isinstance(page, MeasurePage):
                    self.assertEqual(
                        [row.pk for row in draft.partners.all()],
                        [row.pk for row in page.partners.all()],
                    )
                entry = PageLogEntry.objects.get(page=page)
                self.assertEqual(
                    (entry.action, entry.user, entry.revision),
                    ("wagtail.create", self.user, page.latest_revision),
                )

    def test_rows_are_in_the_page_language(self):
        for page in self.result.pages.values():
            if isinstance(page, MeasurePage):
                for row in MeasurePartner.objects.filter(page=page):
                    self.assertEqual(row.locale_id, page.locale_id)
                    self.assertEqual(row.organisation.locale_id, page.locale_id)

    def test_reference_index_and_admin_search_know_the_new_pages(self):
        organisation = Organisation.objects.get(name="KS Nord", locale__language_code="nb")
        users = {
            ref.object_id
            for ref in ReferenceIndex.get_references_to(organisation).filter(
                base_content_type__model="page"
            )
        }
        new_measures = {
            str(page.pk)
            for (_key, lang), page in self.result.pages.items()
            if isinstance(page, MeasurePage) and lang == "nb"
        }
        self.assertLessEqual(new_measures, users)
        self.client.force_login(self.user)
        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "2026–2027"})
        self.assertContains(
            response, reverse("wagtailadmin_pages:edit", args=[self.result.plan.pk])
        )


class ForkQueryCountTests(TestCase):
    def test_queries_do_not_grow_with_the_measures(self):
        source = SOURCE_PLAN.install()
        with CaptureQueriesContext(connection) as small:
            fork_plan(source.plan, source.troms, (2026, 2027))
        strategy = source.strategies[0]
        for index in range(6):
            MeasurePageFactory(parent=strategy, title=f"Ekstra {index}", slug=f"ekstra-{index}")
        strategy.refresh_from_db()
        for page in strategy.get_children().specific():
            if page.get_translations().count() == 0:
                translate_tree(page, "en")
        with CaptureQueriesContext(connection) as large:
            fork_plan(source.plan, source.troms, (2028, 2029))
        self.assertEqual(len(large), len(small))


class NewSiblingSlugTests(TestCase):
    def test_two_new_siblings_with_one_slug_are_refused_and_nothing_is_written(self):
        source = SOURCE_PLAN.install()
        refs = SameInstall(source.troms)
        tree = dump_plan(source.plan, refs, ["nb"])
        set_period(tree, 2026, 2027)
        strategies = tree["strategies"]
        strategies[1]["content"]["nb"]["slug"] = strategies[0]["content"]["nb"]["slug"]
        parents = branch_parents(source.troms, ["nb"], [])
        before = Page.objects.count()
        with self.assertRaisesMessage(
            ForkError, "er brukt to ganger under «Handlingsplan 2026–2027»"
        ):
            save_tree(tree, parents, refs, lambda lang: {}, None, None)
        self.assertEqual(Page.objects.count(), before)
