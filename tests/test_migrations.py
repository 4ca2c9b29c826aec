"""The registers' move out of ``plan`` keeps an existing install's data.

The database is migrated back to the nodes before the move (the schema made by the code
before it), filled through the models of that state, migrated forward again and read through
today's models: rows, links from pages' inline rows, content types and permissions survive.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import Organisation, SustainableDevelopmentGoal, TargetGroup
from home.models import ContactPerson
from plan.models import MeasurePartner
from tests.factories import make_plan

#: The migration nodes of the layout before the registers left ``plan``.
BEFORE_MOVE = [
    ("core", None),
    ("home", "0002_initial"),
    ("plan", "0003_forked_from_install"),
    ("resources", "0001_initial"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([node for node in targets if node[1]]).apps


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_moving_the_registers_keeps_rows_links_content_types_and_permissions():
    tree = make_plan()
    measure = tree.measures[0]
    leaves = _leaves()
    old = _migrate(BEFORE_MOVE)
    try:
        old_organisation = old.get_model("plan", "Organisation")
        old_contact = old.get_model("plan", "ContactPerson")
        old_goal = old.get_model("plan", "SustainableDevelopmentGoal")
        old_group = old.get_model("plan", "TargetGroup")
        old_partner = old.get_model("plan", "MeasurePartner")
        locale_id = measure.locale_id
        organisation = old_organisation.objects.create(name="KS Nord", locale_id=locale_id)
        contact = old_contact.objects.create(
            name="Nora Nordland", branch_id=tree.branch.pk, locale_id=locale_id
        )
        goal = old_goal.objects.create(number=4, title="God utdanning", locale_id=locale_id)
        target_group = old_group.objects.create(name="Kulturskoleledere", locale_id=locale_id)
        old_partner.objects.create(
            page_id=measure.pk, organisation_id=organisation.pk, locale_id=locale_id
        )
        content_type = ContentType.objects.get(app_label="plan", model="organisation")
        permission = Permission.objects.get(content_type=content_type, codename="add_organisation")
        national = Group.objects.create(name="Nasjonalt (migrert)")
        national.permissions.add(permission)
    finally:
        _migrate(leaves)

    assert Organisation.objects.get(pk=organisation.pk).name == "KS Nord"
    assert ContactPerson.objects.get(pk=contact.pk).branch_id == tree.branch.pk
    assert SustainableDevelopmentGoal.objects.get(pk=goal.pk).number == 4
    assert TargetGroup.objects.get(pk=target_group.pk).name == "Kulturskoleledere"
    partner = MeasurePartner.objects.get(page_id=measure.pk, organisation_id=organisation.pk)
    assert partner.organisation.name == "KS Nord"
    moved = ContentType.objects.get(pk=content_type.pk)
    assert (moved.app_label, moved.model) == ("core", "organisation")
    assert ContentType.objects.get_for_model(Organisation).pk == content_type.pk
    assert national.permissions.filter(codename="add_organisation").get().content_type_id == (
        content_type.pk
    )
    table_names = connection.introspection.table_names()
    assert "core_organisation" in table_names and "plan_organisation" not in table_names
    assert "home_contactperson" in table_names and "plan_contactperson" not in table_names
