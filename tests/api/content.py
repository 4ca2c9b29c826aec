"""A small but complete install for the API tests, in Bokmål and English.

Troms with one plan (three strategies), a resource, three events, snippets, an image and a
document; translated into English except for one measure (a fallback), with a draft measure,
a view-restricted strategy and a measure whose English translation is unpublished.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import BranchContact
from home.services.site import ensure_home_page
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
from resources.models import EventPage, ResourceTopic
from tests.factories import (
    ActionPlanPageFactory,
    BranchPageFactory,
    ContactPersonFactory,
    CreditedImageFactory,
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MeasurePageFactory,
    OrganisationFactory,
    ResourceArticlePageFactory,
    ResourceIndexPageFactory,
    StrategyPageFactory,
    SustainableDevelopmentGoalFactory,
    TargetGroupFactory,
    TopicFactory,
    locale,
    translate_tree,
)


@dataclass
class Content:
    """The pages and snippets the tests refer to (Bokmål objects; ``en`` maps to English)."""

    home: object
    branch: object
    plan: object
    strategies: list
    measures: list
    untranslated_measure: object
    draft_measure: object
    restricted_strategy: object
    restricted_measure: object
    unpublished_translation_measure: object
    resource: object
    events: dict
    organisation: object
    target_group: object
    goal: object
    contact: object
    topic: object
    image: object
    document: object

    def en(self, page):
        """The English translation of ``page`` (freshly loaded)."""
        return page.get_translation(locale("en")).specific

    @staticmethod
    def fresh(obj):
        """``obj`` loaded again: tests change a copy, never the objects shared between tests."""
        return type(obj).objects.get(pk=obj.pk)


def _stream(block_type, *values):
    return json.dumps([{"type": block_type, "value": value} for value in values])


def _status(status, day):
    return MeasureStatusUpdate(date=day, status=status)


def build_content():
    """Build the install (about two seconds)."""
    today = timezone.localdate()
    home = ensure_home_page()
    image = CreditedImageFactory(title="Forside", credit="Foto: Norsk kulturskoleråd")
    document = DocumentFactory(title="La oss gjøre det sammen")
    organisation = OrganisationFactory(name="KS Nord", short_name="KS")
    target_group = TargetGroupFactory(name="Kulturskoleledere")
    goal = SustainableDevelopmentGoalFactory(number=4, title="God utdanning")
    contact = ContactPersonFactory(name="Kari Nordmann", photo=image, photo_consent=True)
    topic = TopicFactory(name="Samskaping", slug="samskaping")

    branch = BranchPageFactory(
        parent=home,
        title="Norsk kulturskoleråd Troms",
        slug="troms",
        short_name="Troms",
        contacts=[BranchContact(contact=contact)],
    )
    resource_index = ResourceIndexPageFactory(parent=branch)
    resource = ResourceArticlePageFactory(
        parent=resource_index,
        title="La oss gjøre det sammen",
        slug="la-oss-gjore-det-sammen",
        summary="<p>En veileder om samskaping.</p>",
        document=document,
        topics=[ResourceTopic(topic=topic)],
    )
    event_index = EventIndexPageFactory(parent=branch)
    events = {
        "upcoming": EventPageFactory(
            parent=event_index,
            title="Lederkonferansen",
            slug="lederkonferansen",
            start_date=today + timedelta(days=30),
            end_date=today + timedelta(days=31),
            programme=_stream(
                "item", {"time": "09:30", "item": "Velkommen", "speaker": "", "description": ""}
            ),
        ),
        "past": EventPageFactory(
            parent=event_index,
            title="Årsmøtet",
            slug="arsmotet",
            kind=EventPage.Kind.MEETING,
            start_date=today - timedelta(days=60),
            end_date=None,
        ),
        "recurring": EventPageFactory(
            parent=event_index,
            title="Digital formiddagskaffe",
            slug="digital-formiddagskaffe",
            kind=EventPage.Kind.RECURRING_DIGITAL_MEETING,
            start_date=today - timedelta(days=100),
            end_date=None,
            is_recurring=True,
        ),
    }
    plan = ActionPlanPageFactory(
        parent=branch,
        title="Handlingsplan 2024–2025",
        slug="handlingsplan-2024-2025",
        cover_image=image,
        contact_person=contact,
        development_area_title="Samhandling",
        introduction=(
            f'<p>Se <a linktype="page" id="{resource.pk}">veilederen</a> og '
            f'<a linktype="document" id="{document.pk}">dokumentet</a>.</p>'
            f'<embed embedtype="image" id="{image.pk}" format="left" alt="Barn som spiller"/>'
        ),
        background=[
            {"type": "text", "value": "<p>Begrepet kan defineres slik:</p>"},
            {
                "type": "definition",
                "value": {
                    "term": "Samhandling",
                    "definition": "<p>Å handle sammen.</p>",
                    "source": "Store norske leksikon",
                    "source_url": "https://snl.no/samhandling",
                },
            },
        ],
        quotes=_stream(
            "quote",
            {"text": "Vi skaper verdi sammen.", "resource": resource.pk, "page_number": "6"},
        ),
    )
    strategies = [
        StrategyPageFactory(
            parent=plan,
            title="Informere",
            slug="informere",
            goals=[StrategyGoal(goal=goal)],
        ),
        StrategyPageFactory(parent=plan, title="Samarbeide", slug="samarbeide"),
    ]
    measures = [
        MeasurePageFactory(
            parent=strategies[0],
            title="Fadderordning",
            slug="fadderordning",
            summary=f'<p>Styret er faddere, se <a linktype="page" id="{plan.pk}">planen</a>.</p>',
            status_updates=[
                _status("ongoing", date(2024, 9, 1)),
                _status("completed", date(2025, 6, 1)),
            ],
            partners=[MeasurePartner(organisation=organisation, role="partner")],
            target_groups=[MeasureTargetGroup(target_group=target_group)],
            contacts=[MeasureContact(contact=contact)],
            goals=[MeasureGoal(goal=goal)],
            related_events=[MeasureRelatedEvent(event=events["upcoming"])],
            related_resources=[MeasureRelatedResource(resource=resource)],
        ),
        MeasurePageFactory(
            parent=strategies[0],
            title="Nyhetsbrev",
            slug="nyhetsbrev",
            status_updates=[_status("ongoing", date(2024, 9, 1))],
        ),
        MeasurePageFactory(parent=strategies[1], title="Nettverksmøter", slug="nettverksmoter"),
    ]
    translate_tree(branch)

    untranslated = MeasurePageFactory(
        parent=strategies[1], title="Samarbeid med KS", slug="samarbeid-med-ks"
    )
    draft = MeasurePageFactory(parent=strategies[1], title="Utkast", slug="utkast", live=False)
    restricted_strategy = StrategyPageFactory(parent=plan, title="Intern", slug="intern")
    restricted_measure = MeasurePageFactory(
        parent=restricted_strategy, title="Internt tiltak", slug="internt-tiltak"
    )
    PageViewRestriction.objects.create(
        page=restricted_strategy, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    measures[2].get_translation(locale("en")).unpublish()
    return Content(
        home=home,
        branch=branch,
        plan=plan,
        strategies=strategies,
        measures=measures,
        untranslated_measure=untranslated,
        draft_measure=draft,
        restricted_strategy=restricted_strategy,
        restricted_measure=restricted_measure,
        unpublished_translation_measure=measures[2],
        resource=resource,
        events=events,
        organisation=organisation,
        target_group=target_group,
        goal=goal,
        contact=contact,
        topic=topic,
        image=image,
        document=document,
    )
