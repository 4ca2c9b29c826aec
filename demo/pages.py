"""The demo's pages: the resource article, the events and the plan with its strategies and measures.

Each is published in Bokmål and then translated into English, with an English slug (see
:func:`demo.base.english_slug`). Resources and events come first,
so that the English plan's quotations and the English measures can link to English pages.
"""

from access.branch_groups import ensure_collection
from demo.fixtures import nordland_2024_2025 as data
from plan.models import (
    ActionPlanPage,
    MeasureContact,
    MeasureGoal,
    MeasurePage,
    MeasurePartner,
    MeasureRelatedEvent,
    MeasureRelatedResource,
    MeasureTargetGroup,
    StrategyGoal,
    StrategyPage,
)
from resources.models import (
    EventCoOrganiser,
    EventPage,
    EventTargetGroup,
    ResourceArticlePage,
    ResourceTopic,
)

from .base import (
    english_slug,
    ensure_child,
    ensure_translation,
    publish_child,
    rich_text,
    texts,
)
from .cover import ensure_cover_image

#: Translatable fields per page type, as (field, is rich text) pairs.
RESOURCE_TEXTS = [
    ("title", False),
    ("summary", True),
    ("body", True),
    ("authors", False),
    ("publisher", False),
]
EVENT_TEXTS = [
    ("title", False),
    ("summary", True),
    ("body", True),
    ("timing_text", False),
    ("location", False),
]
PLAN_TEXTS = [
    ("title", False),
    ("development_area_title", False),
    ("development_area_adopted_by", False),
    ("development_area_description", True),
    ("introduction", True),
    ("overall_goal", True),
    ("cover_image_alt", False),
    ("cover_image_caption", False),
    ("strategies_introduction", True),
]
STRATEGY_TEXTS = [("title", False), ("lead", False), ("summary", True), ("introduction", True)]
MEASURE_TEXTS = [("title", False), ("summary", True), ("body", True), ("timing_text", False)]
#: Inline rows of a measure that link to pages, as (relation, field) pairs.
MEASURE_PAGE_LINKS = [("related_events", "event"), ("related_resources", "resource")]


def ensure_resources(ctx, index):
    """The resource articles under ``index``, with their topics, in nb and en."""
    for spec in data.RESOURCE_ARTICLES:

        def build(spec=spec):
            topics = [ResourceTopic(topic=ctx.snippet("topic", key)) for key in spec["topics"]]
            return ResourceArticlePage(
                slug=spec["slug"],
                publication_title=spec["publication_title"],
                publication_subtitle=spec["publication_subtitle"],
                year=spec["year"],
                external_url=spec["external_url"],
                topics=topics,
                **texts(spec, "nb", RESOURCE_TEXTS),
            )

        page = ensure_child(ctx, index, ResourceArticlePage, spec["slug"], build)
        ensure_translation(ctx, page, slug=english_slug(spec), **texts(spec, "en", RESOURCE_TEXTS))
        ctx.pages["resource", spec["slug"]] = page


def ensure_events(ctx, index):
    """The events under ``index``, with target groups and co-organisers, in nb and en."""
    for spec in data.EVENTS:

        def build(spec=spec):
            return EventPage(
                slug=spec["slug"],
                kind=spec["kind"],
                format=spec["format"],
                is_recurring=spec["is_recurring"],
                target_groups=[
                    EventTargetGroup(target_group=ctx.snippet("target_group", key))
                    for key in spec["target_groups"]
                ],
                co_organisers=[
                    EventCoOrganiser(
                        organisation=ctx.snippet("organisation", key),
                        role=EventCoOrganiser.Role.CO_ORGANISER,
                    )
                    for key in spec["co_organisers"]
                ],
                **texts(spec, "nb", EVENT_TEXTS),
            )

        page = ensure_child(ctx, index, EventPage, spec["slug"], build)
        ensure_translation(ctx, page, slug=english_slug(spec), **texts(spec, "en", EVENT_TEXTS))
        ctx.pages["event", spec["slug"]] = page


def _background_block(item, lang):
    """One raw block of the plan's background in ``lang``."""
    if item["type"] == "text":
        return {"type": "text", "value": rich_text(item["text"][lang])}
    return {
        "type": "definition",
        "value": {
            "term": item["term"][lang],
            "definition": rich_text(item["definition"][lang]),
            "source": item["source"][lang],
            "source_url": "",
        },
    }


def _plan_streams(lang, resource, block_ids=None):
    """The plan's background and quotations in ``lang``, as raw StreamField data.

    The quotations cite ``resource``. ``block_ids`` are the ids of the Bokmål blocks, so that
    each translated block keeps the id of the block it translates.
    """
    spec = data.PLAN
    streams = {
        "background": [_background_block(item, lang) for item in spec["background"]],
        "quotes": [
            {
                "type": "quote",
                "value": {
                    "text": item["text"][lang],
                    "resource": resource.pk,
                    "page_number": item["page_number"],
                },
            }
            for item in spec["quotes"]
        ],
    }
    for name, blocks in streams.items():
        for block, block_id in zip(blocks, (block_ids or {}).get(name, []), strict=False):
            block["id"] = block_id
    return streams


def _strategy_page(ctx, spec):
    """An unsaved Bokmål StrategyPage with its goals."""
    return StrategyPage(
        slug=spec["slug"],
        goals=[StrategyGoal(goal=ctx.snippet("goal", number)) for number in spec["goals"]],
        **texts(spec, "nb", STRATEGY_TEXTS),
    )


def _measure_page(ctx, spec):
    """An unsaved Bokmål MeasurePage with its partners, target groups, contacts and links.

    A measure has a contact person only where the plan names one for it; otherwise the plan's
    contact person answers for it.
    """
    return MeasurePage(
        slug=spec["slug"],
        is_recurring=spec.get("is_recurring", False),
        partners=[
            MeasurePartner(organisation=ctx.snippet("organisation", key), role=role)
            for key, role in spec["partners"]
        ],
        target_groups=[
            MeasureTargetGroup(target_group=ctx.snippet("target_group", key))
            for key in spec["target_groups"]
        ],
        contacts=[
            MeasureContact(contact=ctx.snippet("contact", key)) for key in spec.get("contacts", [])
        ],
        goals=[MeasureGoal(goal=ctx.snippet("goal", n)) for n in spec.get("goals", [])],
        related_events=[
            MeasureRelatedEvent(event=ctx.pages["event", key]) for key in spec.get("events", [])
        ],
        related_resources=[
            MeasureRelatedResource(resource=ctx.pages["resource", key])
            for key in spec.get("resources", [])
        ],
        **texts(spec, "nb", MEASURE_TEXTS),
    )


def create_plan(ctx, branch):
    """Publish the plan with its strategies and measures under ``branch``, then translate it."""
    spec = data.PLAN
    resource = ctx.pages["resource", data.QUOTED_RESOURCE]
    cover, cover_created = ensure_cover_image(
        **spec["cover_image"],
        filename=f"{spec['slug']}-{data.BRANCH['slug']}.png",
        # Filed in the branch's own collection, where its editors may choose it.
        collection=ensure_collection(branch.title),
    )
    ctx.report.created["images"] += int(cover_created)
    plan = publish_child(
        branch,
        ActionPlanPage(
            slug=spec["slug"],
            period_start=spec["period_start"],
            period_end=spec["period_end"],
            stage=spec["stage"],
            contact_person=ctx.snippet("contact", data.PLAN_CONTACT),
            cover_image=cover,
            **texts(spec, "nb", PLAN_TEXTS),
            **_plan_streams("nb", resource),
        ),
    )
    tree = []
    for strategy_spec in data.STRATEGIES:
        strategy = publish_child(plan, _strategy_page(ctx, strategy_spec))
        measures = [
            (publish_child(strategy, _measure_page(ctx, measure_spec)), measure_spec)
            for measure_spec in strategy_spec["measures"]
        ]
        tree.append((strategy, strategy_spec, measures))
    ctx.report.count(ActionPlanPage)
    ctx.report.count(StrategyPage, len(tree))
    ctx.report.count(MeasurePage, sum(len(measures) for *_rest, measures in tree))

    block_ids = {
        name: [block.id for block in getattr(plan, name)] for name in ("background", "quotes")
    }
    ensure_translation(
        ctx,
        plan,
        slug=english_slug(spec),
        **texts(spec, "en", PLAN_TEXTS),
        **_plan_streams("en", resource.get_translation(ctx.en), block_ids),
    )
    for strategy, strategy_spec, measures in tree:
        ensure_translation(
            ctx,
            strategy,
            slug=english_slug(strategy_spec),
            **texts(strategy_spec, "en", STRATEGY_TEXTS),
        )
        for measure, measure_spec in measures:
            ensure_translation(
                ctx,
                measure,
                page_links=MEASURE_PAGE_LINKS,
                slug=english_slug(measure_spec),
                **texts(measure_spec, "en", MEASURE_TEXTS),
            )
    return plan
