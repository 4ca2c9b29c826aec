"""Read a plan template and check it completely before anything is written.

Three layers, each naming the JSON path of every problem: the bytes (size, encoding, JSON
syntax, nesting), the JSON Schema in ``plan/schemas/plan-template.schema.json``, and the
content model (locales, field lengths and formats, unique keys and slugs, references between
the parts of the document).
"""

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from cms.fetching import FetchError, TooLarge, read_file
from core.models import Organisation
from plan.content.background import without_repeated_text
from plan.services.plan_tree import PLAN, walk

from .refs import fetch_url

SCHEMA_NAME = "handlingsplan-template"
SCHEMA_VERSION = 2
#: Older versions this install still reads, upgraded to the current one before checking.
READABLE_VERSIONS = (1, SCHEMA_VERSION)
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "plan-template.schema.json"
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 24
MAX_MESSAGE = 300
MAX_ERRORS = 50


class TemplateError(ValueError):
    """A template that cannot be imported; ``messages`` name the JSON path of each problem."""

    def __init__(self, messages):
        self.messages = list(messages)[:MAX_ERRORS]
        super().__init__("\n".join(self.messages))


@cache
def template_schema():
    """The JSON Schema of plan templates, as kept in the repository."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _short(text):
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


# --- Bytes --------------------------------------------------------------------------------


def read_source(source):
    """The bytes of a template file (a regular file) or public http(s) URL, at most 20 MB."""
    try:
        if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
            return fetch_url(source, MAX_BYTES)
        return read_file(source, MAX_BYTES)
    except TooLarge as error:
        raise TemplateError([_too_large()]) from error
    except FetchError as error:
        message = _("cannot read %(source)s: %(reason)s") % {"source": source, "reason": error}
        raise TemplateError([f"$: {message}"]) from error


def _too_large():
    return "$: " + _("the document is larger than %(mb)s MB") % {"mb": MAX_BYTES // (1024 * 1024)}


def parse_document(data):
    """The JSON value of ``data`` (bytes); a TemplateError for a file that is not one."""
    if not data:
        raise TemplateError(["$: " + _("the document is empty (0 bytes)")])
    if len(data) > MAX_BYTES:
        raise TemplateError([_too_large()])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TemplateError(
            ["$: " + _("not UTF-8 text (invalid byte at position %(pos)s)") % {"pos": error.start}]
        ) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise TemplateError(
            [
                "$: "
                + _("invalid JSON at line %(line)s, column %(column)s: %(msg)s")
                % {"line": error.lineno, "column": error.colno, "msg": error.msg}
            ]
        ) from error
    except RecursionError as error:
        raise TemplateError(["$: " + _("the document is nested too deeply")]) from error
    deep = _too_deep(document)
    if deep:
        raise TemplateError(
            [f"{deep}: " + _("nested deeper than %(depth)s levels") % {"depth": MAX_DEPTH}]
        )
    return document


def _too_deep(value):
    """The JSON path of the first value nested deeper than MAX_DEPTH, or ``None``."""
    stack = [(value, "$", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            stack.extend((v, f"{path}.{k}", depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))
    return None


# --- Schema -------------------------------------------------------------------------------


def schema_errors(document):
    """Messages for everything in ``document`` that does not match the JSON Schema."""
    if not isinstance(document, dict):
        return ["$: " + _("the document must be a JSON object")]
    if document.get("schema") != SCHEMA_NAME:
        return [
            "$.schema: "
            + _("unknown schema %(schema)s (expected “%(expected)s”)")
            % {"schema": _short(json.dumps(document.get("schema"))), "expected": SCHEMA_NAME}
        ]
    if document.get("version") != SCHEMA_VERSION:
        return [
            "$.version: "
            + _("unsupported version %(version)s (this install reads version %(supported)s)")
            % {
                "version": _short(json.dumps(document.get("version"))),
                "supported": " / ".join(map(str, READABLE_VERSIONS)),
            }
        ]
    validator = jsonschema.Draft202012Validator(template_schema())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{error.json_path}: {_schema_message(error)}" for error in errors]


def _schema_message(error):
    """The validator's message with a long offending value cut short."""
    shown = repr(error.instance)
    message = error.message
    if len(shown) > 60:
        message = message.replace(shown, shown[:50] + "…")
    return _short(message)


# --- Content model ------------------------------------------------------------------------


def _field_errors(model, name, value, path):
    try:
        model._meta.get_field(name).clean(value, None)
    except ValidationError as error:
        return [f"{path}: {_short(' '.join(error.messages))}"]
    return []


def _locale_errors(document):
    errors = []
    locales = document["locales"]
    for index, code in enumerate(locales):
        if code not in settings.KNOWN_CONTENT_LANGUAGES:
            errors.append(f"$.locales[{index}]: " + _("unknown locale “%(code)s”") % {"code": code})
    listed = set(locales)

    def check(mapping, path):
        for code in mapping:
            if code not in listed:
                errors.append(
                    f"{path}.{code}: "
                    + _("locale “%(code)s” is not listed in $.locales") % {"code": code}
                )

    for _node_type, node, path in walk(document["plan"]):
        check(node["content"], f"{path}.content")
        if locales[0] not in node["content"]:
            errors.append(
                f"{path}.content: "
                + _("no content in the document's first locale “%(code)s”") % {"code": locales[0]}
            )
    for register, fields in (
        ("organisations", ("name", "short_name")),
        ("target_groups", ("name", "description")),
        ("goals", ("title", "description")),
    ):
        for index, entry in enumerate(document[register]):
            for name in fields:
                check(entry.get(name, {}), f"$.{register}[{index}].{name}")
    return errors


def _node_errors(document, keys, refs):
    """Field values, unique keys and slugs, and references of every node."""
    errors = []
    seen = {}
    sibling_slugs = {}
    for node_type, node, path in walk(document["plan"]):
        if node["key"] in seen:
            errors.append(
                f"{path}.key: "
                + _("the key is used twice (also at %(other)s)") % {"other": seen[node["key"]]}
            )
        seen[node["key"]] = path
        parent_path = path.rsplit(".", 1)[0] if node_type is not PLAN else "$"
        for lang, values in node["content"].items():
            for name, value in values.items():
                if isinstance(value, str) and name not in node_type.rich_texts:
                    errors += _field_errors(
                        node_type.model, name, value, f"{path}.content.{lang}.{name}"
                    )
                elif isinstance(value, str):
                    errors += _link_errors(value, keys, refs, f"{path}.content.{lang}.{name}")
            for index, item in enumerate(values.get("background", [])):
                item_path = f"{path}.content.{lang}.background[{index}]"
                if item["type"] == "text":
                    errors += _link_errors(item["text"], keys, refs, f"{item_path}.text")
                    continue
                errors += _link_errors(item["definition"], keys, refs, f"{item_path}.definition")
                errors += _url_errors(item.get("source_url", ""), f"{item_path}.source_url")
            slug_key = (parent_path, lang, values["slug"])
            if slug_key in sibling_slugs:
                errors.append(
                    f"{path}.content.{lang}.slug: "
                    + _("the slug “%(slug)s” is also used at %(other)s")
                    % {"slug": values["slug"], "other": sibling_slugs[slug_key]}
                )
            sibling_slugs[slug_key] = path
        errors += _relation_errors(node, path, refs)
    return errors


def _relation_errors(node, path, refs):
    errors = []
    for index, partner in enumerate(node.get("partners", [])):
        if partner["organisation"] not in refs["organisations"]:
            errors.append(
                f"{path}.partners[{index}].organisation: "
                + _missing(partner["organisation"], "$.organisations")
            )
    for index, name in enumerate(node.get("target_groups", [])):
        if name not in refs["target_groups"]:
            errors.append(f"{path}.target_groups[{index}]: " + _missing(name, "$.target_groups"))
    for index, number in enumerate(node.get("goals", [])):
        if number not in refs["goals"]:
            errors.append(f"{path}.goals[{index}]: " + _missing(number, "$.goals"))
    if node.get("cover_image") and node["cover_image"] not in refs["images"]:
        errors.append(f"{path}.cover_image: " + _missing(node["cover_image"], "$.images"))
    return errors


def _url_errors(url, path):
    if not url:
        return []
    try:
        URLValidator()(url)
    except ValidationError as error:
        return [f"{path}: {_short(' '.join(error.messages))}"]
    return []


def _missing(name, register):
    return _("“%(name)s” is not in %(register)s") % {"name": name, "register": register}


def _link_errors(html, keys, refs, path):
    errors = []
    for match in FIND_A_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == "node" and attrs.get("key") not in keys:
            errors.append(
                f"{path}: "
                + _("a link points at the unknown node “%(key)s”")
                % {"key": _short(attrs.get("key", ""))}
            )
        if attrs.get("linktype") == "document" and attrs.get("ref") not in refs["documents"]:
            errors.append(f"{path}: " + _missing(attrs.get("ref", ""), "$.documents"))
    return errors


def _register_errors(document):
    errors = []
    first = document["locales"][0]
    for register, field in (("organisations", "name"), ("target_groups", "name")):
        names = {}
        for index, entry in enumerate(document[register]):
            name = entry[field].get(first) or next(iter(entry[field].values()))
            if name in names:
                errors.append(
                    f"$.{register}[{index}].{field}: "
                    + _("“%(name)s” is also at %(other)s") % {"name": name, "other": names[name]}
                )
            names[name] = f"$.{register}[{index}]"
    for index, entry in enumerate(document["organisations"]):
        errors += _field_errors(
            Organisation, "website", entry.get("website", ""), f"$.organisations[{index}].website"
        )
    numbers = [entry["number"] for entry in document["goals"]]
    for index, number in enumerate(numbers):
        if number in numbers[:index]:
            errors.append(
                f"$.goals[{index}].number: " + _("goal %(n)s is listed twice") % {"n": number}
            )
    for media in ("images", "documents"):
        refs = [entry["ref"] for entry in document[media]]
        for index, ref in enumerate(refs):
            if ref in refs[:index]:
                errors.append(
                    f"$.{media}[{index}].ref: " + _("“%(ref)s” is listed twice") % {"ref": ref}
                )
    return errors


def _references(document):
    first = document["locales"][0]
    return {
        "organisations": {
            e["name"].get(first) or next(iter(e["name"].values()))
            for e in document["organisations"]
        },
        "target_groups": {
            e["name"].get(first) or next(iter(e["name"].values()))
            for e in document["target_groups"]
        },
        "goals": {e["number"] for e in document["goals"]},
        "images": {e["ref"] for e in document["images"]},
        "documents": {e["ref"] for e in document["documents"]},
    }


def content_errors(document):
    """Messages for what the schema allows but the content model does not."""
    errors = _locale_errors(document)
    period = document["plan"]["period"]
    if period["start"] > period["end"]:
        errors.append(
            "$.plan.period: " + _("the period starts (%(start)s) after it ends (%(end)s)") % period
        )
    if not re.match(r"^https?://\S+$", document["source"]["install"]):
        errors.append("$.source.install: " + _("must be the http(s) address of an install"))
    if document["source"]["plan_key"] != document["plan"]["key"]:
        errors.append("$.source.plan_key: " + _("must be the key of $.plan"))
    keys = {node["key"] for _type, node, _path in walk(document["plan"])}
    errors += _register_errors(document)
    errors += _node_errors(document, keys, _references(document))
    return errors


def _upgrade_plan_content(values):
    """Version 1 plan content: the background text and its definitions become one body."""
    background, definitions = values.get("background", ""), values.pop("definitions", [])
    if not isinstance(background, str) or not isinstance(definitions, list):
        values["definitions"] = definitions  # left for the schema to report
        return
    text = without_repeated_text(background, values.get("development_area_description", ""))
    body = [{"type": "text", "text": text}] if text else []
    body += [
        {"type": "definition", **item} if isinstance(item, dict) else item for item in definitions
    ]
    values["background"] = body


def upgrade_document(document):
    """``document`` in the current version: a version 1 document is upgraded in place.

    Version 1 kept the plan's background as one text and its definitions in a list of their
    own; version 2 keeps them in one ordered body (see docs/template-format.md).
    """
    if (
        not isinstance(document, dict)
        or document.get("schema") != SCHEMA_NAME
        or document.get("version") != 1
    ):
        return document
    plan = document.get("plan")
    content = plan.get("content") if isinstance(plan, dict) else None
    if isinstance(content, dict):
        for values in content.values():
            if isinstance(values, dict):
                _upgrade_plan_content(values)
    document["version"] = SCHEMA_VERSION
    return document


def check_document(document):
    """Raise a TemplateError listing every problem of a parsed template document.

    A document of an older readable version is upgraded in place first.
    """
    document = upgrade_document(document)
    errors = schema_errors(document)
    if not errors:
        errors = content_errors(document)
    if errors:
        raise TemplateError(errors)
    return document


def load_template(source):
    """Read, parse and check the template at ``source`` (a file path or an http(s) URL)."""
    return check_document(parse_document(read_source(source)))
