"""The demo's snippets in nb and en: SDGs, organisations, target groups, topics, contacts.

Each is looked up by its natural key and created when missing; its English translation is
created when missing. Snippets are loaded before the pages that refer to them.
"""

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from core.translation import translate_snippet
from demo.fixtures import nordland_2024_2025 as data
from home.models import ContactPerson
from resources.models import Topic


def _ensure_snippet(ctx, kind, key, model, lookup, nb_values, en_values):
    """Get or create the nb snippet found by ``lookup``, and its en translation."""
    snippet = model.objects.filter(locale=ctx.nb, **lookup).first()
    if snippet is None:
        snippet = model(locale=ctx.nb, **lookup, **nb_values)
        snippet.full_clean()
        snippet.save()
        ctx.report.count(model)
    if not snippet.has_translation(ctx.en):
        translate_snippet(snippet, ctx.en, unofficial_translation=True, **en_values)
        ctx.report.created["English snippet translations"] += 1
    ctx.snippets[kind, key] = snippet
    return snippet


def _in(spec, lang, *names):
    """The translatable ``names`` of a fixture entry in ``lang``."""
    return {name: spec[name][lang] for name in names}


def ensure_snippets(ctx, branch):
    """Load every snippet of the fixture; contact persons belong to ``branch``."""
    for goal in data.SUSTAINABLE_DEVELOPMENT_GOALS:
        _ensure_snippet(
            ctx,
            "goal",
            goal["number"],
            SustainableDevelopmentGoal,
            lookup={"number": goal["number"]},
            nb_values=_in(goal, "nb", "title", "description"),
            en_values=_in(goal, "en", "title", "description"),
        )
    for key, org in data.ORGANISATIONS.items():
        _ensure_snippet(
            ctx,
            "organisation",
            key,
            Organisation,
            lookup={"name": org["name"]["nb"]},
            nb_values={
                "kind": org["kind"],
                "website": org["website"],
                **_in(org, "nb", "short_name"),
            },
            en_values=_in(org, "en", "name", "short_name"),
        )
    for key, group in data.TARGET_GROUPS.items():
        _ensure_snippet(
            ctx,
            "target_group",
            key,
            TargetGroup,
            lookup={"name": group["name"]["nb"]},
            nb_values=_in(group, "nb", "description"),
            en_values=_in(group, "en", "name", "description"),
        )
    for slug, topic in data.TOPICS.items():
        _ensure_snippet(
            ctx,
            "topic",
            slug,
            Topic,
            lookup={"slug": slug},
            nb_values=_in(topic, "nb", "name"),
            en_values=_in(topic, "en", "name"),
        )
    for email, person in data.CONTACT_PERSONS.items():
        _ensure_snippet(
            ctx,
            "contact",
            email,
            ContactPerson,
            lookup={"email": email},
            nb_values={
                "name": person["name"],
                "phone": person["phone"],
                "role": person["role"]["nb"],
                "branch": branch,
            },
            en_values={"role": person["role"]["en"], "branch": branch.get_translation(ctx.en)},
        )
