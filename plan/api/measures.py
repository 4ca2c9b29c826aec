"""A measure's inner objects (status updates, partners, target groups, contacts, goals and
related pages) as plain dicts built by small functions.

A plan shows thousands of them: building them with nested DRF serializers cost about a fifth of
an uncached plan detail. The rows are read as dicts (:mod:`cms.api.rows`); the serializers in
``serializers.py`` still declare these shapes for the OpenAPI document, and the functions here
must give exactly what those declarations describe. The fields at the end put them into
``MeasureSerializer``.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api import deferred
from cms.api.context import api_of
from cms.api.dependencies import record, snippet_key_tag
from cms.api.labels import LabelField, label_in
from cms.api.rows import RowSpec, register_rows, rows_of
from core.languages import default_language
from plan.models import MEASURE_RELATIONS, MeasurePage, MeasureStatus

STATUS_UPDATES = RowSpec(MeasurePage, "status_updates", fields=("date", "status", "note"))

#: The fields of each kind of snippet the API shows, besides id, key and locale.
SNIPPET_FIELDS = {
    "organisation": ("name", "short_name", "kind", "website"),
    "target_group": ("name", "description"),
    "contact": ("name", "role", "phone", "email", "photo_id", "photo_alt", "photo_consent"),
    "goal": ("number", "title"),
}


def relation_spec(relation):
    """The :class:`RowSpec` of a declared relation of a measure (``MEASURE_RELATIONS``)."""
    if relation.links_page:
        return RowSpec(MeasurePage, relation.name, link=relation.field, page_link=True)
    return RowSpec(
        MeasurePage,
        relation.name,
        fields=relation.extra,
        link=relation.field,
        link_fields=SNIPPET_FIELDS[relation.kind],
    )


_DATE = serializers.DateField()


def _fallback(obj):
    return obj.get("api_fallback", False)


def _snippet(snippet):
    """What every snippet carries (``SnippetSerializer``); records the snippet's cache tag."""
    record(snippet_key_tag(snippet["translation_key"]))
    return {
        "id": snippet["id"],
        "key": str(snippet["translation_key"]),
        "fallback": _fallback(snippet),
    }


def organisation_data(organisation, api):
    return {
        **_snippet(organisation),
        "name": organisation["name"],
        "short_name": organisation["short_name"],
        "kind": organisation["kind"],
        "kind_label": label_in(api, "organisation_kind", organisation["kind"]),
        "website": organisation["website"],
    }


def target_group_data(target_group, api):
    return {
        **_snippet(target_group),
        "name": target_group["name"],
        "description": target_group["description"],
    }


def goal_data(goal, api):
    return {**_snippet(goal), "number": goal["number"], "title": goal["title"]}


def _photo(person, api):
    """``ConsentedPhotoField``: the photo with its alt text in the person's language."""
    if not person["photo_consent"] or person["photo_id"] is None:
        return None
    own = person["photo_alt"] or ""
    if api is None or api.language == default_language():
        fallback = False
    elif api.locales.code(person["locale_id"]) != api.language or not own:
        fallback = True
    else:
        fallback = own == person.get("api_default_texts", {}).get("photo_alt")
    return deferred.ImageRef(person["photo_id"], alt=own, alt_fallback=fallback)


def contact_data(person, api):
    return {
        **_snippet(person),
        "name": person["name"],
        "role": person["role"],
        "phone": person["phone"],
        "email": person["email"],
        "photo": _photo(person, api),
    }


SNIPPET_DATA = {
    "organisation": organisation_data,
    "target_group": target_group_data,
    "contact": contact_data,
    "goal": goal_data,
}


def relation_data(relation, spec):
    """A function giving the API list of a measure's rows of ``relation``."""
    if relation.links_page:
        link_id = f"{spec.link}_id"
        return lambda rows, api: [deferred.PageRef(page_id=row[link_id]) for row in rows]
    snippet_data = SNIPPET_DATA[relation.kind]
    if relation.kind == "organisation":  # the row is shown whole: the link and its role

        def partners(rows, api):
            return [
                {
                    "organisation": snippet_data(row[spec.link], api),
                    "role": row["role"],
                    "role_label": label_in(api, "organisation_role", row["role"]),
                }
                for row in rows
            ]

        return partners
    return lambda rows, api: [snippet_data(row[spec.link], api) for row in rows]


def status_update_data(rows, api):
    return [
        {
            "date": _DATE.to_representation(row["date"]),
            "status": row["status"],
            "status_label": label_in(api, "measure_status", row["status"]),
            "note": row["note"],
            "fallback": _fallback(row),
        }
        for row in rows
    ]


def current_status(measure):
    """The status of the latest update, or planned when there is none (as
    ``MeasurePage.current_status``, from the rows read as dicts)."""
    latest = max(
        rows_of(measure, STATUS_UPDATES),
        key=lambda u: (u["date"], -1 if u["sort_order"] is None else u["sort_order"], u["id"] or 0),
        default=None,
    )
    return latest["status"] if latest else MeasureStatus.PLANNED


#: How a measure's rows are read, by relation.
MEASURE_ROWS = {
    STATUS_UPDATES.relation: STATUS_UPDATES,
    **{relation.name: relation_spec(relation) for relation in MEASURE_RELATIONS},
}
register_rows(*MEASURE_ROWS.values())


# --- Fields of MeasureSerializer ---------------------------------------------------------------


class MeasureRowsField(serializers.Field):
    """A list built by ``data(rows, api)`` from a measure's rows of ``spec``; the OpenAPI
    document shows it as the field ``documented``."""

    def __init__(self, spec, data, documented):
        super().__init__(read_only=True, source="*")
        self.spec, self.data = spec, data
        extend_schema_field(documented)(self)

    def to_representation(self, measure):
        return self.data(rows_of(measure, self.spec), api_of(self))


class CurrentStatusField(serializers.ChoiceField):
    """The status of a measure's latest status update (read from its rows as dicts)."""

    def get_attribute(self, measure):
        return current_status(measure)


class CurrentStatusLabelField(LabelField):
    """The label of a measure's current status."""

    def get_attribute(self, measure):
        return current_status(measure)
