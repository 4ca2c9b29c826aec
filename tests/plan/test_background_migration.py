"""Migration 0005 turns a plan's background text and definitions into one ordered body.

Existing plans (and their saved revisions) keep every word; only a trailing copy of the
development area's description, which the old demo stored twice, is dropped.
"""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from plan.content.background import background_from_parts
from plan.models import ActionPlanPage
from tests.factories import make_plan

BEFORE = [("plan", "0004_registers_leave_plan")]
AFTER = [("plan", "0005_background_body")]


def leaves():
    """The latest migrations: where the test leaves the database for the tests after it."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


DEFINITION = {
    "term": "Samhandling",
    "definition": "<p>Å handle sammen.</p>",
    "source": "SNL",
    "source_url": "",
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets[0]).apps


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_existing_plans_and_revisions_keep_their_text():
    plan = make_plan(strategies=0).plan
    try:
        old = migrate(BEFORE).get_model("plan", "ActionPlanPage")
        old.objects.filter(pk=plan.pk).update(
            background="<p>Bakgrunnen.</p><p>Om samhandling.</p>",
            development_area_description="<p>Om samhandling.</p>",
            definitions=[{"type": "definition", "value": DEFINITION, "id": "d1"}],
        )
        revision = plan.latest_revision
        revision.content = {
            **revision.content,
            "background": "<p>Utkast.</p>",
            "definitions": json.dumps([{"type": "definition", "value": DEFINITION, "id": "d1"}]),
        }
        revision.save(update_fields=["content"])
    finally:
        migrate(AFTER)
        migrate(leaves())

    plan = ActionPlanPage.objects.get(pk=plan.pk)
    body = [(block.block_type, block.value) for block in plan.background]
    assert [kind for kind, _value in body] == ["text", "definition"]
    assert body[0][1].source == "<p>Bakgrunnen.</p>"  # the repeated description is dropped
    assert plan.development_area_description == "<p>Om samhandling.</p>"
    assert (body[1][1]["term"], body[1][1]["source"]) == ("Samhandling", "SNL")
    draft = plan.latest_revision.as_object()
    assert [block.block_type for block in draft.background] == ["text", "definition"]
    assert draft.background[0].value.source == "<p>Utkast.</p>"


def test_nothing_but_a_repeated_description_is_dropped():
    body = background_from_parts(
        "<p>A</p>\n<p>B</p>", [DEFINITION], development_area_html="<p>C</p>"
    )
    assert [block["type"] for block in body] == ["text", "definition"]
    assert body[0]["value"] == "<p>A</p> <p>B</p>"
    assert background_from_parts("", [], "<p>C</p>") == []
