"""A synthetic install for the benchmark: branches × plans × strategies × measures, nb + en.

Pages are added straight to the tree, published without revisions (the API reads only live
pages) and saved without validation, and English pages are created as translations directly
(same translation key, English snippets), which is what wagtail-localize produces minus its
bookkeeping. The search index is built in bulk at the end (and on PostgreSQL the planner
statistics are refreshed); the reference index is not built.
"""

import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale, Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.api.generation import changes_in_bulk
from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from home.models import BranchContact, BranchPage, ContactPerson
from home.services.site import ensure_home_page
from plan.models import (
    ActionPlanPage,
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureStatusUpdate,
    MeasureTargetGroup,
    StrategyPage,
)
from resources.models import EventIndexPage, EventPage, ResourceArticlePage, ResourceIndexPage

#: Words the measures' summaries rotate through, so a search hits a share of them.
THEMES = ["samarbeid", "kompetanse", "nettverk", "konferanse", "rekruttering"]
STATUSES = ["planned", "ongoing", "completed"]


@dataclass
class Size:
    branches: int = 10
    plans: int = 2
    strategies: int = 3
    measures: int = 50

    @property
    def measures_per_plan(self):
        return self.strategies * self.measures

    @property
    def total_measures(self):
        return self.branches * self.plans * self.measures_per_plan


@dataclass
class Install:
    """What the benchmark needs to know about the built install."""

    size: Size
    plan_ids: dict = field(default_factory=dict)  # language → id of the first plan
    pages: int = 0
    seconds: float = 0.0


class Builder:
    """Adds pages in both languages; ``pair(...)`` returns the (nb, en) pages."""

    def __init__(self):
        self.nb = Locale.objects.get(language_code="nb")
        self.en = Locale.objects.get(language_code="en")
        self.pages = 0
        self.pending_rows = defaultdict(list)
        self.now = timezone.now()

    def add(self, parent, page):
        """``parent.add_child(instance=page)`` without its validation queries."""
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, parent.numchild + 1)
        page._cached_parent_obj = parent
        page._is_site_root = False
        page.save(clean=False)
        parent.numchild += 1
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
        self.pages += 1
        return page

    def pair(self, parents, model, en_title=None, rows=None, **values):
        """The page in Bokmål under ``parents[0]`` and its English translation under ``[1]``.

        ``rows(language)`` gives the inline rows by relation name; they are inserted in bulk
        by :meth:`flush`.
        """
        values = {**values, "first_published_at": self.now, "last_published_at": self.now}
        nb = self.add(parents[0], model(locale=self.nb, live=True, **values))
        english = {**values, "title": en_title or f"{values['title']} (en)"}
        en = self.add(
            parents[1],
            model(locale=self.en, live=True, translation_key=nb.translation_key, **english),
        )
        for page, language in ((nb, "nb"), (en, "en")):
            for relation_rows in (rows(language) if rows else {}).values():
                for order, row in enumerate(relation_rows):
                    row.page, row.sort_order = page, order
                    self.pending_rows[type(row)].append(row)
        return nb, en

    def flush(self):
        """Insert the pending inline rows, one query per row type."""
        for model, rows in self.pending_rows.items():
            model.objects.bulk_create(rows)
        self.pending_rows.clear()


def _snippet_pairs(model, count, locales, **values_of):
    """``count`` snippets in nb with their en translations: a list of {"nb": …, "en": …}.
    Those an earlier build made are reused."""
    pairs = []
    for i in range(count):
        values = {name: make(i) for name, make in values_of.items()}
        nb = model.objects.filter(locale=locales[0], **values).first()
        if nb is None:
            nb = model.objects.create(locale=locales[0], **values)
        en = model.objects.filter(locale=locales[1], translation_key=nb.translation_key).first()
        if en is None:
            en = model.objects.create(
                locale=locales[1], translation_key=nb.translation_key, **values
            )
        pairs.append({"nb": nb, "en": en})
    return pairs


def _translated(page, locale):
    return (page, type(page).objects.get(translation_key=page.translation_key, locale=locale))


@contextmanager
def search_index_deferred():
    """Skip the search index on every save; rebuild it in bulk at the end."""
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    call_command("update_index", verbosity=0)


def _by_language(pages):
    return dict(zip(("nb", "en"), pages, strict=True))


def _branch(builder, homes, b, contacts, locale_of):
    """A new branch with a resource and an event: its (nb, en) pages, resource, event."""
    branches = builder.pair(
        homes,
        BranchPage,
        title=f"Fylke {b}",
        slug=f"fylke-{b}",
        short_name=f"Fylke {b}",
        rows=lambda code: {
            "contacts": [BranchContact(contact=contacts[b % 4][code], locale=locale_of[code])]
        },
    )
    resources = builder.pair(branches, ResourceIndexPage, title="Ressurser", slug="ressurser")
    resource = _by_language(
        builder.pair(
            resources,
            ResourceArticlePage,
            title=f"Veileder {b}",
            slug="veileder",
            summary=f"<p>En veileder om {THEMES[b % len(THEMES)]}.</p>",
            authors="Ola Nordmann",
            year=2023,
        )
    )
    events = builder.pair(branches, EventIndexPage, title="Arrangementer", slug="arrangementer")
    event = _by_language(
        builder.pair(
            events,
            EventPage,
            title=f"Konferanse {b}",
            slug="konferanse",
            kind="conference",
            start_date=date(2025, 3, 12),
        )
    )
    return branches, resource, event


def build(size, progress=print, only=None):
    """Build the install inside one transaction; return an :class:`Install`.

    ``only(branch, plan)`` chooses the plans to build (all by default, numbered from 0). The
    registers, branches, resources and events an earlier call built are reused, so an
    install can grow in steps (a 1-plan install, then the rest).
    """
    started = time.monotonic()
    with (
        search_index_deferred(),
        transaction.atomic(),
        disable_reference_index_auto_update(),
        changes_in_bulk(),
    ):
        home = ensure_home_page()
        homes = (home, home.get_translation(Locale.objects.get(language_code="en")))
        builder = Builder()
        locales = (builder.nb, builder.en)
        locale_of = {"nb": builder.nb, "en": builder.en}
        organisations = _snippet_pairs(
            Organisation, 8, locales, name=lambda i: f"Organisasjon {i}", kind=lambda i: "public"
        )
        groups = _snippet_pairs(TargetGroup, 4, locales, name=lambda i: f"Målgruppe {i}")
        contacts = _snippet_pairs(
            ContactPerson,
            4,
            locales,
            name=lambda i: f"Kontakt {i}",
            role=lambda i: "Rådgiver",
            email=lambda i: f"kontakt{i}@example.org",
        )
        goals = [
            _snippet_pairs(
                SustainableDevelopmentGoal,
                1,
                locales,
                number=lambda i, n=number: n,
                title=lambda i, n=number: f"Mål {n}",
            )[0]
            for number in range(1, 18)
        ]
        install = Install(size=size)
        for b in range(size.branches):
            chosen = [p for p in range(size.plans) if only is None or only(b, p)]
            if not chosen:
                continue
            existing = BranchPage.objects.filter(locale=builder.nb, slug=f"fylke-{b}").first()
            if existing is not None:
                branches = _translated(existing, builder.en)
                resource = _by_language(
                    _translated(
                        ResourceArticlePage.objects.descendant_of(existing).get(
                            locale=builder.nb, slug="veileder"
                        ),
                        builder.en,
                    )
                )
                event = _by_language(
                    _translated(
                        EventPage.objects.descendant_of(existing).get(
                            locale=builder.nb, slug="konferanse"
                        ),
                        builder.en,
                    )
                )
            else:
                branches, resource, event = _branch(builder, homes, b, contacts, locale_of)
            for p in chosen:
                plans = builder.pair(
                    branches,
                    ActionPlanPage,
                    title=f"Handlingsplan {2024 + 2 * p}–{2025 + 2 * p}",
                    slug=f"handlingsplan-{2024 + 2 * p}-{2025 + 2 * p}",
                    period_start=2024 + 2 * p,
                    period_end=2025 + 2 * p,
                    stage="adopted",
                    overall_goal="<p>Alle barn og unge skal få tilbud om kulturskole.</p>",
                    introduction=(
                        f'<p>Se <a linktype="page" id="{resource["nb"].pk}">veilederen</a>.</p>'
                    ),
                    contact_person=contacts[b % 4]["nb"],
                )
                plans[1].contact_person = contacts[b % 4]["en"]
                plans[1].save(update_fields=["contact_person"])
                if not install.plan_ids:
                    install.plan_ids = {"nb": plans[0].pk, "en": plans[1].pk}
                for s in range(size.strategies):
                    strategies = builder.pair(
                        plans, StrategyPage, title=f"Strategi {s + 1}", slug=f"strategi-{s + 1}"
                    )
                    for m in range(size.measures):
                        n = (b * size.plans + p) * size.measures_per_plan + s * size.measures + m

                        def rows(code, n=n, event=event, resource=resource):
                            locale = locale_of[code]
                            return {
                                "status_updates": [
                                    MeasureStatusUpdate(
                                        date=date(2025, 1, 1), status=STATUSES[n % 3], locale=locale
                                    )
                                ],
                                "partners": [
                                    MeasurePartner(
                                        organisation=organisations[n % 8][code], locale=locale
                                    )
                                ],
                                "target_groups": [
                                    MeasureTargetGroup(
                                        target_group=groups[n % 4][code], locale=locale
                                    )
                                ],
                                "contacts": [
                                    MeasureContact(contact=contacts[n % 4][code], locale=locale)
                                ],
                                "goals": [MeasureGoal(goal=goals[n % 17][code], locale=locale)],
                                "related_events": [
                                    MeasureRelatedEvent(event=event[code], locale=locale)
                                ],
                                "related_resources": [
                                    MeasureRelatedResource(resource=resource[code], locale=locale)
                                ],
                            }

                        builder.pair(
                            strategies,
                            MeasurePage,
                            title=f"Tiltak {s + 1}.{m + 1}",
                            slug=f"tiltak-{s + 1}-{m + 1}",
                            summary=(
                                f"<p>Tiltaket handler om {THEMES[n % len(THEMES)]} i kulturskolen, "
                                f'se <a linktype="page" id="{plans[0].pk}">planen</a>.</p>'
                            ),
                            timing_text="våren 2025",
                            rows=rows,
                        )
            builder.flush()
            progress(f"  branch {b + 1}/{size.branches}: {builder.pages} pages")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give
    install.pages = builder.pages
    install.seconds = time.monotonic() - started
    return install
