"""Editors can create every page type and snippet in the admin, which speaks Bokmål."""

from datetime import date

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from home.models import BranchPage, ContactPerson
from plan.models import ActionPlanPage, MeasurePage, MeasureStatus, StrategyPage
from resources.models import (
    EventIndexPage,
    EventPage,
    ResourceArticlePage,
    ResourceIndexPage,
    Topic,
)
from tests.factories import (
    ContactPersonFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OrganisationFactory,
    ResourceArticlePageFactory,
    ResourceIndexPageFactory,
    SustainableDevelopmentGoalFactory,
    TargetGroupFactory,
    TopicFactory,
    make_plan,
)


class AdminTestCase(WagtailPageTestCase):
    """A plan with indexes, events, resources and snippets, and a logged-in superuser."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_plan(strategies=1, measures_per_strategy=1)
        cls.branch = cls.tree.branch
        cls.resource_index = ResourceIndexPageFactory(parent=cls.branch)
        cls.event_index = EventIndexPageFactory(parent=cls.branch)
        cls.resource = ResourceArticlePageFactory(parent=cls.resource_index)
        cls.event = EventPageFactory(parent=cls.event_index)
        cls.organisation = OrganisationFactory(name="KS Nord")
        cls.target_group = TargetGroupFactory(name="Kulturskoleledere")
        cls.contact = ContactPersonFactory(name="Kari Nordmann", branch=cls.branch)
        cls.goal = SustainableDevelopmentGoalFactory(number=17, title="Samarbeid for å nå målene")
        cls.topic = TopicFactory(name="Samskaping")

    def setUp(self):
        self.user = self.login()


class CreatePagesTests(AdminTestCase):
    """Every page type can be created and published through the admin's page form."""

    def test_create_branch(self):
        self.assertCanCreate(
            self.tree.home,
            BranchPage,
            nested_form_data(
                {
                    "title": "Norsk kulturskoleråd Troms",
                    "short_name": "Troms",
                    "intro": rich_text("<p>Fylkesavdelingen i Troms.</p>"),
                    "contacts": inline_formset([{"contact": self.contact.pk}]),
                }
            ),
        )
        branch = BranchPage.objects.get(short_name="Troms")
        self.assertTrue(branch.live)
        self.assertEqual(branch.locale, self.tree.home.locale)
        self.assertEqual([c.contact for c in branch.contacts.all()], [self.contact])

    def test_create_plan_with_definition_and_quote(self):
        self.assertCanCreate(
            self.branch,
            ActionPlanPage,
            nested_form_data(
                {
                    "title": "Handlingsplan 2026–2027",
                    "period_start": "2026",
                    "period_end": "2027",
                    "stage": "proposed",
                    "contact_person": self.contact.pk,
                    "introduction": rich_text("<p>Innledning.</p>"),
                    "development_area_title": "Samhandling",
                    "development_area_description": rich_text("<p>Om samhandling.</p>"),
                    "development_area_adopted_by": "Årsmøtet i Nordland",
                    "development_area_adopted_on": "2025-04-24",
                    "background": rich_text("<p>Bakgrunn.</p>"),
                    "overall_goal": rich_text("<p>Kulturskole for alle.</p>"),
                    "strategies_introduction": rich_text("<p>Strategiene.</p>"),
                    "definitions": streamfield(
                        [
                            (
                                "definition",
                                {
                                    "term": "Samhandling",
                                    "definition": rich_text(
                                        "<p>Å handle sammen.</p>",
                                        features=["bold", "italic", "link", "ol", "ul"],
                                    ),
                                    "source": "Store norske leksikon",
                                    "source_url": "https://snl.no/samhandling",
                                },
                            )
                        ]
                    ),
                    "quotes": streamfield(
                        [
                            (
                                "quote",
                                {
                                    "text": "La oss gjøre det sammen!",
                                    "resource": self.resource.pk,
                                    "page_number": "6",
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        plan = ActionPlanPage.objects.get(period_start=2026)
        self.assertEqual(plan.period_label, "2026–2027")
        self.assertEqual(plan.contact_person, self.contact)
        self.assertEqual(plan.development_area_adopted_on, date(2025, 4, 24))
        definition = plan.definitions[0].value
        self.assertEqual(definition["term"], "Samhandling")
        self.assertIn("Å handle sammen.", definition["definition"].source)
        quote = plan.quotes[0].value
        self.assertEqual(quote["text"], "La oss gjøre det sammen!")
        self.assertEqual(quote["resource"].specific, self.resource)
        self.assertEqual(quote["page_number"], "6")

    def test_create_strategy_with_goal(self):
        self.assertCanCreate(
            self.tree.plan,
            StrategyPage,
            nested_form_data(
                {
                    "title": "Samarbeide",
                    "lead": "Fylkesavdelingen samarbeider.",
                    "summary": rich_text("<p>Om samarbeid.</p>"),
                    "introduction": rich_text("<p>Tiltakene under.</p>"),
                    "goals": inline_formset([{"goal": self.goal.pk}]),
                }
            ),
        )
        strategy = StrategyPage.objects.get(title="Samarbeide")
        self.assertEqual(strategy.get_parent().specific, self.tree.plan)
        self.assertEqual([g.goal for g in strategy.goals.all()], [self.goal])

    def test_create_measure_with_partner_target_group_and_status_update(self):
        self.assertCanCreate(
            self.tree.strategies[0],
            MeasurePage,
            nested_form_data(
                {
                    "title": "Fadderordning",
                    "summary": rich_text("<p>Styremedlemmer er faddere.</p>"),
                    "body": rich_text("<p>Mer om ordningen.</p>"),
                    "start_date": "2025-01-01",
                    "end_date": "2025-12-31",
                    "timing_text": "hele 2025",
                    "status_updates": inline_formset(
                        [{"date": "2025-02-01", "status": "ongoing", "note": "I gang."}]
                    ),
                    "partners": inline_formset(
                        [{"organisation": self.organisation.pk, "role": "co_organiser"}]
                    ),
                    "target_groups": inline_formset([{"target_group": self.target_group.pk}]),
                    "contacts": inline_formset([{"contact": self.contact.pk}]),
                    "related_events": inline_formset([{"event": self.event.pk}]),
                    "related_resources": inline_formset([{"resource": self.resource.pk}]),
                    "goals": inline_formset([{"goal": self.goal.pk}]),
                }
            ),
        )
        measure = MeasurePage.objects.get(title="Fadderordning")
        self.assertEqual(measure.current_status, MeasureStatus.ONGOING)
        partner = measure.partners.get()
        self.assertEqual((partner.organisation, partner.role), (self.organisation, "co_organiser"))
        self.assertEqual(partner.locale, measure.locale)
        self.assertEqual(measure.target_groups.get().target_group, self.target_group)
        self.assertEqual(measure.contacts.get().contact, self.contact)
        self.assertEqual(measure.related_events.get().event, self.event)
        self.assertEqual(measure.related_resources.get().resource, self.resource)
        self.assertEqual(measure.goals.get().goal, self.goal)
        self.assertEqual(list(self.event.related_measures), [measure.page_ptr.specific])

    def test_create_resource_index_and_event_index(self):
        other = BranchPage(title="Norsk kulturskoleråd Finnmark", short_name="Finnmark")
        self.tree.home.add_child(instance=other)
        self.assertCanCreate(
            other,
            ResourceIndexPage,
            nested_form_data({"title": "Ressurser", "intro": rich_text("<p>Les mer.</p>")}),
        )
        self.assertCanCreate(
            other,
            EventIndexPage,
            nested_form_data({"title": "Arrangementer", "intro": rich_text("<p>Kom!</p>")}),
        )
        self.assertEqual(ResourceIndexPage.objects.child_of(other).count(), 1)
        self.assertEqual(EventIndexPage.objects.child_of(other).count(), 1)

    def test_create_resource_article_with_topic(self):
        self.assertCanCreate(
            self.resource_index,
            ResourceArticlePage,
            nested_form_data(
                {
                    "title": "La oss gjøre det sammen",
                    "summary": rich_text("<p>En håndbok i samskaping.</p>"),
                    "publication_title": "La oss gjøre det sammen!",
                    "authors": "Lars Ueland Kobro (red.)",
                    "publisher": "KS",
                    "year": "2018",
                    "external_url": "https://www.ks.no/samskaping",
                    "topics": inline_formset([{"topic": self.topic.pk}]),
                }
            ),
        )
        article = ResourceArticlePage.objects.get(publication_title="La oss gjøre det sammen!")
        self.assertEqual(article.year, 2018)
        self.assertEqual(article.topics.get().topic, self.topic)

    def test_create_event_with_programme_and_co_organiser(self):
        self.assertCanCreate(
            self.event_index,
            EventPage,
            nested_form_data(
                {
                    "title": "Lederkonferansen 2025",
                    "kind": "conference",
                    "format": "hybrid",
                    "start_date": "2025-10-14",
                    "end_date": "2025-10-15",
                    "location": "Bodø",
                    "registration_url": "https://example.org/pamelding",
                    "target_groups": inline_formset([{"target_group": self.target_group.pk}]),
                    "co_organisers": inline_formset(
                        [{"organisation": self.organisation.pk, "role": "co_organiser"}]
                    ),
                    "programme": streamfield(
                        [("item", {"time": "09:30", "item": "Velkommen", "speaker": "Kari"})]
                    ),
                }
            ),
        )
        event = EventPage.objects.get(title="Lederkonferansen 2025")
        self.assertEqual(event.format, EventPage.Format.HYBRID)
        self.assertEqual(event.programme[0].value["item"], "Velkommen")
        self.assertEqual(event.co_organisers.get().organisation, self.organisation)
        self.assertEqual(event.target_groups.get().target_group, self.target_group)

    def test_invalid_measure_dates_are_refused(self):
        count = MeasurePage.objects.count()
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["plan", "measurepage", self.tree.strategies[0].pk],
            ),
            nested_form_data(
                {
                    "title": "Baklengs",
                    "slug": "baklengs",
                    "start_date": "2025-05-02",
                    "end_date": "2025-05-01",
                    "action-publish": "1",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("end_date", response.context["form"].errors)
        self.assertEqual(MeasurePage.objects.count(), count)


class CreateSnippetsTests(AdminTestCase):
    """The shared registers can be filled in through the snippet admin."""

    def create_snippet(self, model, data):
        url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:add")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        return response

    def test_create_organisation(self):
        self.create_snippet(
            Organisation,
            {"name": "Nordland fylkeskommune", "kind": "public", "website": "https://nfk.no"},
        )
        organisation = Organisation.objects.get(name="Nordland fylkeskommune")
        self.assertEqual(organisation.locale, Locale.get_default())

    def test_create_contact_person(self):
        self.create_snippet(
            ContactPerson,
            {
                "name": "Ola Nordmann",
                "role": "Ansvarlig rådgiver",
                "phone": "+47 990 35 524",
                "email": "ola@example.org",
                "branch": self.branch.pk,
            },
        )
        person = ContactPerson.objects.get(name="Ola Nordmann")
        self.assertEqual(person.branch, self.branch)
        self.assertFalse(person.photo_consent)

    def test_create_target_group(self):
        self.create_snippet(TargetGroup, {"name": "Kulturskoleeiere"})
        self.assertTrue(TargetGroup.objects.filter(name="Kulturskoleeiere").exists())

    def test_create_goal(self):
        self.create_snippet(SustainableDevelopmentGoal, {"number": "4", "title": "God utdanning"})
        self.assertEqual(SustainableDevelopmentGoal.objects.get(number=4).title, "God utdanning")

    def test_duplicate_goal_number_is_refused(self):
        url = reverse("wagtailsnippets_core_sustainabledevelopmentgoal:add")
        response = self.client.post(url, {"number": "17", "title": "Igjen"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)
        self.assertFalse(SustainableDevelopmentGoal.objects.filter(title="Igjen").exists())

    def test_create_topic(self):
        self.create_snippet(Topic, {"name": "Kunstfag", "slug": "kunstfag"})
        self.assertTrue(Topic.objects.filter(slug="kunstfag").exists())

    def test_duplicate_topic_slug_is_refused(self):
        url = reverse("wagtailsnippets_resources_topic:add")
        response = self.client.post(url, {"name": "Samskaping igjen", "slug": self.topic.slug})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)
        self.assertEqual(Topic.objects.filter(slug=self.topic.slug).count(), 1)


class AdminViewsTests(AdminTestCase):
    """The admin's page explorer, edit views and snippet lists load, in Bokmål."""

    def test_dashboard_speaks_bokmal(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="nb"')
        self.assertContains(response, "Sider")  # "Pages"
        self.assertContains(response, "Logg ut")  # "Log out"

    def test_page_explorer_loads(self):
        for page in [self.tree.home, self.branch, self.tree.plan, self.tree.strategies[0]]:
            with self.subTest(page=page.title):
                response = self.client.get(reverse("wagtailadmin_explore", args=[page.pk]))
                self.assertEqual(response.status_code, 200)
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.branch.pk]))
        self.assertContains(response, self.tree.plan.title)

    def test_every_page_type_can_be_edited_and_saved_unchanged(self):
        pages = [
            self.tree.home,
            self.branch,
            self.tree.plan,
            self.tree.strategies[0],
            self.tree.measures[0],
            self.resource_index,
            self.resource,
            self.event_index,
            self.event,
        ]
        self.assertEqual(len({type(page) for page in pages}), 9)
        for page in pages:
            with self.subTest(page=type(page).__name__):
                url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
                # StreamFields are rendered by JavaScript, so their (empty) data is added here.
                for field in type(page)._meta.get_fields():
                    if isinstance(field, StreamField):
                        data.update(nested_form_data({field.name: streamfield([])}))
                data["action-publish"] = "1"
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 302, self.form_errors(response))

    def form_errors(self, response):
        """The form errors of a response that should have been a redirect, for the message."""
        context = getattr(response, "context", None) or {}
        form = context.get("form")
        return form.errors if form is not None else response.content[:500]

    def test_snippet_listings_load(self):
        for model in [ContactPerson, Organisation, SustainableDevelopmentGoal, TargetGroup, Topic]:
            url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")
            with self.subTest(model=model.__name__):
                self.assertEqual(self.client.get(url).status_code, 200)
