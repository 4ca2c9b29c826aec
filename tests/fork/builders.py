"""A source plan with everything a fork or a template has to deal with, in nb and en."""

from dataclasses import dataclass
from datetime import date

from home.services.branch import create_branch
from plan.models import (
    MeasureContact,
    MeasureGoal,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureStatusUpdate,
    MeasureTargetGroup,
    StrategyGoal,
)
from tests.factories import (
    ActionPlanPageFactory,
    ContactPersonFactory,
    CreditedImageFactory,
    DocumentFactory,
    EventPageFactory,
    MeasurePageFactory,
    OrganisationFactory,
    ResourceArticlePageFactory,
    StrategyPageFactory,
    SustainableDevelopmentGoalFactory,
    TargetGroupFactory,
    translate_tree,
)
from tests.installs import SharedInstall


@dataclass
class SourcePlan:
    """The pages and snippets of :func:`build_source_plan`."""

    nordland: object
    troms: object
    plan: object
    plan_en: object
    strategies: list
    measures: list
    event: object
    resource: object
    national_contact: object
    nordland_contact: object
    troms_contact: object
    image: object
    document: object


def build_source_plan():
    """Nordland's live plan 2024–2025 (2 strategies, 3 measures) translated into English.

    Troms exists too, empty. The plan links to one of its own measures, to a page outside the
    plan and to a document; measures have partners, target groups, goals, contact persons of
    Nordland and national ones, an event, a resource, dates and status updates.
    """
    nordland_setup = create_branch("nordland", "Norsk kulturskoleråd Nordland")
    troms = create_branch("troms", "Norsk kulturskoleråd Troms").branch
    nordland = nordland_setup.branch
    event = EventPageFactory(parent=nordland_setup.event_indexes[0], title="Lederkonferansen")
    resource = ResourceArticlePageFactory(
        parent=nordland_setup.resource_indexes[0], title="La oss gjøre det sammen"
    )
    organisation = OrganisationFactory(name="KS Nord", short_name="KS", website="https://ks.no")
    target_group = TargetGroupFactory(name="Kulturskoleledere", description="Ledere.")
    goal = SustainableDevelopmentGoalFactory(number=17, title="Samarbeid for å nå målene")
    goal_4 = SustainableDevelopmentGoalFactory(number=4, title="God utdanning")
    national = ContactPersonFactory(name="Nasjonal Rådgiver")
    nordland_contact = ContactPersonFactory(name="Nordland Rådgiver", branch=nordland)
    troms_contact = ContactPersonFactory(name="Troms Rådgiver", branch=troms)
    image = CreditedImageFactory(title="Forside", credit="Kulturskolerådets bildearkiv")
    document = DocumentFactory(title="Årsmelding")
    plan = ActionPlanPageFactory(
        parent=nordland,
        title="Handlingsplan 2024–2025",
        slug="handlingsplan-2024-2025",
        contact_person=nordland_contact,
        cover_image=image,
        cover_image_alt="Nordlys over fjellet.",
        development_area_title="Samhandling",
        development_area_adopted_on=date(2023, 6, 1),
        introduction=f'<p>Les <a linktype="document" id="{document.pk}">årsmeldingen</a>.</p>',
        background=[
            {"type": "text", "value": "<p>Begrepet kan defineres slik:</p>"},
            {
                "type": "definition",
                "value": {
                    "term": "Samhandling",
                    "definition": "<p>Å <b>handle</b> sammen.</p>",
                    "source": "SNL",
                    "source_url": "https://snl.no/samhandling",
                },
            },
        ],
        quotes=[
            {
                "type": "quote",
                "value": {
                    "text": "Sammen får vi til mer.",
                    "resource": resource.pk,
                    "page_number": "6",
                },
            }
        ],
    )
    strategies, measures = [], []
    for number, title in ((1, "Informere"), (2, "Samarbeide")):
        strategy = StrategyPageFactory(
            parent=plan,
            title=title,
            slug=title.lower(),
            summary=f"<p>{title} betyr noe.</p>",
            goals=[StrategyGoal(goal=goal)],
        )
        strategies.append(strategy)
        for index in range(number):
            measures.append(
                MeasurePageFactory(
                    parent=strategy,
                    title=f"Tiltak {number}.{index + 1}",
                    body="<p>Hvorfor og hvordan.</p>",
                    start_date=date(2024, 9, 1),
                    end_date=date(2024, 9, 2),
                    timing_text="høsten 2024",
                    is_recurring=bool(index),
                    partners=[MeasurePartner(organisation=organisation, role="co_organiser")],
                    target_groups=[MeasureTargetGroup(target_group=target_group)],
                    goals=[MeasureGoal(goal=goal_4), MeasureGoal(goal=goal)],
                    contacts=[
                        MeasureContact(contact=national),
                        MeasureContact(contact=nordland_contact),
                        MeasureContact(contact=troms_contact),
                    ],
                    related_events=[MeasureRelatedEvent(event=event)],
                    related_resources=[MeasureRelatedResource(resource=resource)],
                    status_updates=[
                        MeasureStatusUpdate(date=date(2024, 10, 1), status="ongoing", note="I gang")
                    ],
                )
            )
    # Links inside the plan and out of it, written once every page exists.
    plan.background = [
        *plan.background.raw_data,
        {
            "type": "text",
            "value": (
                f'<p>Se <a linktype="page" id="{measures[-1].pk}">tiltaket</a> og '
                f'<a linktype="page" id="{event.pk}">konferansen</a>.</p>'
            ),
        },
    ]
    plan.save_revision().publish()
    plan.refresh_from_db()
    plan_en = translate_tree(plan, "en")
    plan_en.refresh_from_db()  # its strategies were added after it was made
    plan_en.cover_image_alt = "Northern lights over the mountain."
    plan_en.save_revision().publish()
    return SourcePlan(
        nordland=nordland,
        troms=troms,
        plan=plan,
        plan_en=plan_en,
        strategies=strategies,
        measures=measures,
        event=event,
        resource=resource,
        national_contact=national,
        nordland_contact=nordland_contact,
        troms_contact=troms_contact,
        image=image,
        document=document,
    )


#: :func:`build_source_plan`'s install, built once per test process (see :mod:`tests.installs`).
SOURCE_PLAN = SharedInstall(build_source_plan)
