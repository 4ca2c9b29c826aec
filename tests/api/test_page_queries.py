"""Page queries compiled once per process (``cms.api.views.localize_descendants``) find and
build the same pages as the ORM's querysets."""

import pytest
from django.db.models import Model

from cms.api.locales import Locales
from cms.api.views import default_descendants, localize_descendants, localize_in_tree_order
from plan.models import MeasurePage, StrategyPage


def _state(objects):
    """Every field of each object, its tree path, and what else the API put on it."""
    return [
        (
            type(obj),
            [(field.attname, getattr(obj, field.attname)) for field in obj._meta.concrete_fields],
            obj.tree_path,
        )
        for obj in objects
    ]


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("model, below", [(StrategyPage, 1), (MeasurePage, 2)])
def test_localize_descendants_gives_what_the_orm_gives(content, language, model, below):
    """The plan's strategies or measures (with a draft, a restricted page, an untranslated
    one and an unpublished translation among them) in tree order, as model instances equal
    in every field to those the ORM builds."""
    locales = Locales(language)
    path, depth = content.plan.path, content.plan.depth + below
    expected = localize_in_tree_order(
        model, default_descendants(model, locales, path, depth), locales
    )
    found = localize_descendants(model, locales, path, depth)
    assert expected
    assert _state(found) == _state(expected)
    assert all(isinstance(obj, Model) and not obj._state.adding for obj in found)
