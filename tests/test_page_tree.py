"""The page tree's rules: which page type may stand where, and how many of each."""

from unittest import mock

from django.db.models import Model
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from home.models import BranchPage, HomePage
from plan.models import ActionPlanPage, MeasurePage, StrategyPage
from resources.models import EventIndexPage, EventPage, ResourceArticlePage, ResourceIndexPage
from tests.factories import (
    EventIndexPageFactory,
    ResourceIndexPageFactory,
    make_plan,
)

#: Every page type with the page types allowed directly below it.
TREE = {
    Page: {HomePage},
    HomePage: {BranchPage},
    BranchPage: {ActionPlanPage, ResourceIndexPage, EventIndexPage},
    ActionPlanPage: {StrategyPage},
    StrategyPage: {MeasurePage},
    MeasurePage: set(),
    ResourceIndexPage: {ResourceArticlePage},
    ResourceArticlePage: set(),
    EventIndexPage: {EventPage},
    EventPage: set(),
}


class PageTypeRulesTests(WagtailPageTestCase):
    """The allowed parent and child types of every page type."""

    def test_every_page_type_has_its_place_in_the_tree(self):
        self.assertEqual(set(get_page_models()), set(TREE))

    def test_allowed_subpage_types(self):
        for parent, children in TREE.items():
            if parent is Page:
                continue  # A plain Page accepts whatever allows it as a parent.
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, children)

    def test_allowed_parent_page_types(self):
        for child in TREE:
            if child is Page:
                continue
            parents = {parent for parent, children in TREE.items() if child in children}
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents)

    def test_each_page_type_can_be_created_only_under_its_parents(self):
        for parent, children in TREE.items():
            for child in TREE:
                if child is Page:
                    continue
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if child in children:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_home_page_only_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(BranchPage, HomePage)
        self.assertCanNotCreateAt(Page, BranchPage)


class PageCountRulesTests(WagtailPageTestCase):
    """One home page per root and one index of each kind per branch, also in the admin."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_plan(strategies=1, measures_per_strategy=0)
        cls.resource_index = ResourceIndexPageFactory(parent=cls.tree.branch)
        cls.event_index = EventIndexPageFactory(parent=cls.tree.branch)

    def setUp(self):
        self.login()

    def add_url(self, model, parent):
        return reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )

    def assertRefused(self, response):
        """The admin's answer to a forbidden page type: back to the dashboard."""
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)

    def test_second_home_page_cannot_be_created_under_the_root(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_one_index_of_each_kind_per_branch(self):
        branch = self.tree.branch
        self.assertFalse(ResourceIndexPage.can_create_at(branch))
        self.assertFalse(EventIndexPage.can_create_at(branch))
        self.assertRefused(self.client.get(self.add_url(EventIndexPage, branch)))
        response = self.client.post(
            self.add_url(ResourceIndexPage, branch),
            {"title": "Ressurser igjen", "slug": "ressurser-igjen", "action-publish": "1"},
        )
        self.assertRefused(response)
        self.assertEqual(ResourceIndexPage.objects.child_of(branch).count(), 1)

    def test_another_branch_gets_its_own_indexes(self):
        other = BranchPage(title="Norsk kulturskoleråd Troms", short_name="Troms")
        self.tree.home.add_child(instance=other)
        self.assertTrue(ResourceIndexPage.can_create_at(other))
        self.assertTrue(EventIndexPage.can_create_at(other))

    def test_branch_can_hold_several_plans(self):
        self.assertTrue(ActionPlanPage.can_create_at(self.tree.branch))

    def test_admin_refuses_a_page_type_in_the_wrong_place(self):
        self.assertRefused(self.client.get(self.add_url(StrategyPage, self.tree.branch)))
        self.assertRefused(self.client.get(self.add_url(MeasurePage, self.tree.plan)))
        response = self.client.get(self.add_url(MeasurePage, self.tree.strategies[0]))
        self.assertEqual(response.status_code, 200)


class PagesReadFromTheDatabaseTests(WagtailPageTestCase):
    """``BasePage.from_db`` builds a page as Django's ``Model.from_db`` does (through
    ``Page.__init__`` and ``ClusterableModel.__init__``)."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_plan(strategies=1, measures_per_strategy=1)

    def test_the_same_page_as_djangos(self):
        for model in (ActionPlanPage, StrategyPage, MeasurePage):
            with self.subTest(model=model.__name__):
                page = model.objects.get(pk=model.objects.first().pk)
                names = [field.attname for field in model._meta.concrete_fields]
                values = [getattr(page, name) for name in names]
                ours = model.from_db("default", names, values)
                djangos = Model.from_db.__func__(model, "default", names, values)
                self.assertIs(type(ours), model)
                self.assertEqual(
                    {k: v for k, v in vars(ours).items() if k != "_state"},
                    {k: v for k, v in vars(djangos).items() if k != "_state"},
                )
                self.assertEqual(vars(ours._state), vars(djangos._state))
                self.assertEqual(vars(page._state), vars(djangos._state))

    def test_a_page_type_with_an_init_of_its_own_is_built_through_it(self):
        built = []

        def __init__(page, *args, **kwargs):  # noqa: N807 (stands in for a page type's own)
            built.append(args)
            Page.__init__(page, *args, **kwargs)

        with mock.patch.object(MeasurePage, "__init__", __init__):
            page = MeasurePage.objects.get(pk=self.tree.measures[0].pk)
        self.assertEqual(page.pk, self.tree.measures[0].pk)
        self.assertEqual(len(built), 1)
