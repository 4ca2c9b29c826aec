"""factory-boy factories for the pages and snippets of the content model, and a few builders.

Page factories add the page to the tree under ``parent`` (built automatically when not given:
the HomePage from ``ensure_home_page()``, a branch under it, and so on down) and publish it
unless ``live=False`` is passed, in which case the page is saved as a draft. Inline rows are
passed as lists of unsaved row instances, e.g.
``MeasurePageFactory(partners=[MeasurePartner(organisation=org)])``.

``make_plan()`` builds a small complete plan; ``translate_tree()`` translates a page, its
ancestors and its descendants (and the snippets they use) with the project's translation
service.
"""

from dataclasses import dataclass, field
from datetime import date

import factory
from django.conf import settings
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, TranslatableMixin

from assets.models import CreditedImage
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.translation import translate_page, translate_snippet
from home.models import BranchPage, ContactPerson, HomePage
from home.services.site import ensure_home_page
from plan.models import ActionPlanPage, MeasurePage, MeasureStatusUpdate, StrategyPage
from resources.models import (
    EventIndexPage,
    EventPage,
    ResourceArticlePage,
    ResourceIndexPage,
    Topic,
)

__all__ = [
    "ActionPlanPageFactory",
    "BranchPageFactory",
    "ContactPersonFactory",
    "CreditedImageFactory",
    "DocumentFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "MeasurePageFactory",
    "OrganisationFactory",
    "PlanTree",
    "ResourceArticlePageFactory",
    "ResourceIndexPageFactory",
    "StrategyPageFactory",
    "SustainableDevelopmentGoalFactory",
    "TargetGroupFactory",
    "TopicFactory",
    "default_locale",
    "locale",
    "make_plan",
    "translate_tree",
]


def locale(language_code):
    """The Locale of ``language_code``, created when missing."""
    return Locale.objects.get_or_create(language_code=language_code)[0]


def default_locale():
    """The Locale of the default content language (nb)."""
    return locale(settings.WAGTAIL_CONTENT_LANGUAGES[0][0])


# --- Images and documents ---------------------------------------------------------------


class CreditedImageFactory(factory.django.DjangoModelFactory):
    """A tiny generated image with alt text and a credit line."""

    class Meta:
        model = CreditedImage

    title = factory.Sequence(lambda n: f"Bilde {n}")
    file = factory.django.ImageField(width=8, height=8, color="blue")
    description = factory.LazyAttribute(lambda o: f"Alt-tekst for {o.title}")
    credit = "Norsk kulturskoleråd"


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small text document in the document library."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.django.FileField(filename="dokument.txt", data=b"Handlingsplan")


# --- Snippets ---------------------------------------------------------------------------


class SnippetFactory(factory.django.DjangoModelFactory):
    """Base of the translatable snippets: created in the default locale unless told."""

    class Meta:
        abstract = True

    locale = factory.LazyFunction(default_locale)


class OrganisationFactory(SnippetFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisasjon {n}")
    kind = "public"


class TargetGroupFactory(SnippetFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Målgruppe {n}")


class ContactPersonFactory(SnippetFactory):
    class Meta:
        model = ContactPerson

    name = factory.Sequence(lambda n: f"Kontaktperson {n}")
    role = "Rådgiver"
    phone = "+47 900 00 000"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")


class SustainableDevelopmentGoalFactory(SnippetFactory):
    """A Sustainable Development Goal; numbers run 1–17 and then start over."""

    class Meta:
        model = SustainableDevelopmentGoal
        django_get_or_create = ("locale", "number")

    number = factory.Sequence(lambda n: n % 17 + 1)
    title = factory.LazyAttribute(lambda o: f"Bærekraftsmål {o.number}")


class TopicFactory(SnippetFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


# --- Pages ------------------------------------------------------------------------------


class PageFactory(factory.django.DjangoModelFactory):
    """Base of the page factories: ``parent`` and ``live`` say where and how a page is added."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Side {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    @classmethod
    def _build(cls, model_class, *args, parent=None, live=True, **kwargs):
        return model_class(*args, live=live, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        """Add the page under ``parent``; publish it, or save a draft when ``live`` is false."""
        if parent is None:
            raise ValueError(f"{model_class.__name__} needs a parent page.")
        page = model_class(*args, live=live, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        return page


def _root_page():
    return Page.get_first_root_node()


class HomePageFactory(PageFactory):
    """A HomePage under the tree root. Most tests want ``ensure_home_page()`` instead."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(_root_page)
    title = "Norsk kulturskoleråd"
    slug = factory.Sequence(lambda n: f"home-{n}")
    organisation_name = "Norsk kulturskoleråd"


class BranchPageFactory(PageFactory):
    class Meta:
        model = BranchPage

    parent = factory.LazyFunction(ensure_home_page)
    short_name = factory.Sequence(lambda n: f"Fylke {n}")
    title = factory.LazyAttribute(lambda o: f"Norsk kulturskoleråd {o.short_name}")


class ActionPlanPageFactory(PageFactory):
    class Meta:
        model = ActionPlanPage

    parent = factory.SubFactory(BranchPageFactory)
    period_start = 2024
    period_end = 2025
    title = factory.LazyAttribute(lambda o: f"Handlingsplan {o.period_start}–{o.period_end}")
    slug = factory.LazyAttribute(lambda o: f"handlingsplan-{o.period_start}-{o.period_end}")
    stage = ActionPlanPage.Stage.ADOPTED
    overall_goal = "<p>Alle barn og unge skal få tilbud om kulturskole.</p>"


class StrategyPageFactory(PageFactory):
    class Meta:
        model = StrategyPage

    parent = factory.SubFactory(ActionPlanPageFactory)
    title = factory.Sequence(lambda n: f"Strategi {n}")
    lead = factory.LazyAttribute(lambda o: f"Fylkesavdelingen arbeider med {o.title.lower()}.")


class MeasurePageFactory(PageFactory):
    class Meta:
        model = MeasurePage

    parent = factory.SubFactory(StrategyPageFactory)
    title = factory.Sequence(lambda n: f"Tiltak {n}")
    summary = factory.LazyAttribute(lambda o: f"<p>Om {o.title.lower()}.</p>")
    timing_text = "våren 2025"


class ResourceIndexPageFactory(PageFactory):
    class Meta:
        model = ResourceIndexPage

    parent = factory.SubFactory(BranchPageFactory)
    title = "Ressurser"
    slug = "ressurser"


class ResourceArticlePageFactory(PageFactory):
    class Meta:
        model = ResourceArticlePage

    parent = factory.SubFactory(ResourceIndexPageFactory)
    title = factory.Sequence(lambda n: f"Ressurs {n}")
    publication_title = factory.LazyAttribute(lambda o: o.title)
    authors = "Ola Nordmann (red.)"
    publisher = "KS"
    year = 2023


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    parent = factory.SubFactory(BranchPageFactory)
    title = "Arrangementer"
    slug = "arrangementer"


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    parent = factory.SubFactory(EventIndexPageFactory)
    title = factory.Sequence(lambda n: f"Arrangement {n}")
    kind = EventPage.Kind.CONFERENCE
    start_date = date(2025, 3, 12)
    end_date = date(2025, 3, 13)
    location = "Bodø"


# --- Builders ---------------------------------------------------------------------------


@dataclass
class PlanTree:
    """The pages of a plan built by :func:`make_plan`, top to bottom."""

    home: HomePage
    branch: BranchPage
    plan: ActionPlanPage
    strategies: list = field(default_factory=list)
    measures: list = field(default_factory=list)


def make_plan(branch=None, strategies=2, measures_per_strategy=2, live=True, **plan_values):
    """Build a small complete plan: a branch, a plan, its strategies and their measures.

    Every measure gets one status update (ongoing, 1 January 2025). ``plan_values`` go to the
    plan page, e.g. ``period_start=2026, period_end=2027``.
    """
    home = ensure_home_page()
    branch = branch or BranchPageFactory(parent=home)
    plan = ActionPlanPageFactory(parent=branch, live=live, **plan_values)
    tree = PlanTree(home=home, branch=branch, plan=plan)
    for s in range(strategies):
        strategy = StrategyPageFactory(parent=plan, live=live, title=f"Strategi {s + 1}")
        tree.strategies.append(strategy)
        for m in range(measures_per_strategy):
            tree.measures.append(
                MeasurePageFactory(
                    parent=strategy,
                    live=live,
                    title=f"Tiltak {s + 1}.{m + 1}",
                    status_updates=[MeasureStatusUpdate(date=date(2025, 1, 1), status="ongoing")],
                )
            )
    return tree


def _related_snippets(instance):
    """The translatable snippets ``instance`` and its inline rows point at."""

    def snippet_values(obj):
        for model_field in obj._meta.get_fields():
            if (
                model_field.many_to_one
                and model_field.name != "locale"
                and issubclass(model_field.related_model, TranslatableMixin)
                and not issubclass(model_field.related_model, Page)
            ):
                value = getattr(obj, model_field.name)
                if value is not None:
                    yield value

    yield from snippet_values(instance)
    for relation in get_all_child_relations(type(instance)):
        for row in getattr(instance, relation.get_accessor_name()).all():
            yield from snippet_values(row)


def translate_tree(page, language_code="en", page_values=None, publish=True):
    """Translate ``page``, its untranslated ancestors and all its descendants.

    The snippets the pages use are translated first (as plain copies). ``page_values`` is a
    function of the source page returning the values to set on its translation; by default
    the title gets " (en)" appended. Returns the translation of ``page``.
    """
    target = locale(language_code)
    if page_values is None:

        def page_values(source):
            return {"title": f"{source.title} ({language_code})"}

    def translate(source):
        source = source.specific
        for snippet in _related_snippets(source):
            if snippet.get_translation_or_none(target) is None:
                translate_snippet(snippet, target)
        return translate_page(source, target, publish=publish, **page_values(source))

    for ancestor in page.get_ancestors().filter(depth__gt=1):
        if not ancestor.has_translation(target):
            translate(ancestor)
    translation = translate(page)
    for descendant in page.get_descendants():
        translate(descendant)
    return translation
