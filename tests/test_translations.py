"""The admin speaks Bokmål: every interface string of the project has a Norwegian translation.

The catalogues are compiled into a temporary copy of ``locale/`` (LOCALE_PATHS is overridden
for this module), so the tests check the committed .po files and never write into the repo.
"""

import ast
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from plan.models import ActionPlanPage, MeasurePage, StrategyPage
from resources.models import EventPage
from tests.factories import make_plan

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
NB_CATALOGUE = LOCALE_DIR / "nb" / "LC_MESSAGES" / "django.po"

#: gettext functions → (index of msgctxt, index of msgid, index of msgid_plural).
GETTEXT_FUNCTIONS = {
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}
TEMPLATE_TRANSLATE = re.compile(r"""{%\s*trans(?:late)?\s+(["'])(.+?)\1""")
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]\w*\)[sdrif]|{[a-zA-Z_]\w*}")


def project_source_dirs():
    """The top-level packages of the project's own apps (home, plan, …, cms), not libraries."""
    base = Path(settings.BASE_DIR).resolve()
    dirs = set()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            dirs.add(base / path.relative_to(base).parts[0])
    return sorted(dirs)


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def python_msgids(path):
    """(msgctxt, msgid, msgid_plural) and line of each gettext call with a literal msgid.

    Only names imported from django.utils.translation (under any alias, e.g. ``_``) and
    ``translation.<function>`` count. Implicitly concatenated literals are one constant in the
    AST, so they come out whole, as makemessages sees them.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for name in node.names:
                if name.name in GETTEXT_FUNCTIONS:
                    aliases[name.asname or name.name] = name.name
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in aliases:
            function = aliases[func.id]
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "translation"
            and func.attr in GETTEXT_FUNCTIONS
        ):
            function = func.attr
        else:
            continue
        positions = GETTEXT_FUNCTIONS[function]
        values = [
            _literal(node.args[i]) if i is not None and i < len(node.args) else None
            for i in positions
        ]
        if values[1] is not None:
            yield tuple(values), node.lineno


def template_msgids(path):
    """msgids of ``{% translate "…" %}`` tags in a template."""
    for match in TEMPLATE_TRANSLATE.finditer(path.read_text(encoding="utf-8")):
        yield (None, match.group(2), None), None


def source_msgids():
    """(key, "file:line") of every literal gettext string in the project's own files."""
    base = Path(settings.BASE_DIR).resolve()
    found = []
    for directory in project_source_dirs():
        for path in sorted(directory.rglob("*.py")):
            where = path.relative_to(base).as_posix()
            found += [(key, f"{where}:{line}") for key, line in python_msgids(path)]
        for path in sorted(directory.rglob("templates/**/*.html")):
            where = path.relative_to(base).as_posix()
            found += [(key, where) for key, _line in template_msgids(path)]
    return found


@pytest.fixture(scope="module")
def nb_catalogue():
    return polib.pofile(str(NB_CATALOGUE))


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues(tmp_path_factory):
    """Compile the committed .po files into a temporary LOCALE_PATHS for this module.

    override_settings resets Django's translation caches (the ``setting_changed`` handler
    clears ``trans_real._translations``, ``_active`` and ``_default``) on entry and exit.
    """
    locale_copy = tmp_path_factory.mktemp("locale")
    shutil.copytree(
        LOCALE_DIR, locale_copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.mo")
    )
    with override_settings(LOCALE_PATHS=[locale_copy]):
        call_command("compile_translations", verbosity=0)
        assert sorted(locale_copy.glob("*/LC_MESSAGES/django.mo")), "nothing was compiled"
        yield locale_copy


def test_every_bokmal_entry_is_translated(nb_catalogue):
    untranslated = [
        entry.msgid for entry in nb_catalogue if not entry.obsolete and not entry.translated()
    ]
    assert not untranslated, f"untranslated or fuzzy in {NB_CATALOGUE.name}: {untranslated}"
    assert not nb_catalogue.metadata_is_fuzzy
    assert nb_catalogue.metadata["Language"] == "nb"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_catalogue_entry_has_its_msgstr(language):
    """What GNU msgfmt and ``makemessages`` require of a catalogue: each ``msgid`` is followed
    by its ``msgstr`` before the next entry (polib reads a missing one as an empty
    translation, so the compiled catalogue hides the fault)."""
    catalogue = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    broken, msgid = [], None
    for number, line in enumerate(catalogue.read_text(encoding="utf-8").splitlines(), 1):
        keyword = line.split(" ", 1)[0]
        if keyword == "msgid":
            if msgid is not None:
                broken.append(msgid)
            msgid = f"line {number}: {line}"
        elif keyword.startswith("msgstr"):
            msgid = None
    if msgid is not None:
        broken.append(msgid)
    assert not broken, f"{catalogue} has entries without msgstr: {broken}"


def test_bokmal_translations_keep_their_placeholders(nb_catalogue):
    broken = []
    for entry in nb_catalogue:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for msgstr in translations:
            if sorted(set(PLACEHOLDER.findall(msgstr))) != sorted(set(expected)):
                broken.append((entry.msgid, msgstr))
    assert not broken


def test_bokmal_catalogue_has_every_string_of_the_source(nb_catalogue):
    in_catalogue = {
        (entry.msgctxt, entry.msgid, entry.msgid_plural or None)
        for entry in nb_catalogue
        if not entry.obsolete
    }
    found = source_msgids()
    # The scan itself must find the strings it is meant to check.
    assert ((None, "measure", None), "plan/models/measure.py") in {
        (key, where.split(":")[0]) for key, where in found
    }
    missing = sorted({f"{where}: {key[1]!r}" for key, where in found if key not in in_catalogue})
    assert not missing, (
        "run `python manage.py makemessages -l nb -l en --ignore=.venv --ignore=tests "
        "--ignore=bench --no-obsolete` and translate: " + "; ".join(missing)
    )


def test_model_names_and_help_texts_in_bokmal():
    stage = ActionPlanPage._meta.get_field("stage")
    with translation.override("nb"):
        assert str(MeasurePage._meta.verbose_name) == "tiltak"
        assert str(StrategyPage._meta.verbose_name_plural) == "strategier"
        assert str(ActionPlanPage._meta.verbose_name) == "handlingsplan"
        assert str(ActionPlanPage._meta.get_field("overall_goal").verbose_name) == "overordnet mål"
        assert str(stage.help_text).startswith("Hvor planen står: foreslått for årsmøtet")
        assert [str(label) for _value, label in ActionPlanPage.Stage.choices] == [
            "Foreslått",
            "Vedtatt",
            "Arkivert",
        ]
        assert str(EventPage._meta.verbose_name) == "arrangement"
    with translation.override("en"):
        assert str(MeasurePage._meta.verbose_name) == "measure"


@pytest.mark.django_db
def test_plan_editor_shows_bokmal_labels(admin_client):
    plan = make_plan(strategies=1, measures_per_strategy=0).plan

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nb"' in html
    for label in ("Overordnet mål", "Utviklingsområde", "Fase", "Ansvarlig kontaktperson"):
        assert label in html, label
    assert "Hvor planen står: foreslått for årsmøtet, vedtatt eller arkivert." in html
    for english in ("Overall goal", "Development area", "Where the plan stands"):
        assert english not in html, english


def test_source_scan_reads_aliases_and_implicit_concatenation(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "from django.utils import translation\n"
        "from django.utils.translation import gettext_lazy as _, ngettext\n"
        "label = _('first half, ' 'second half')\n"
        "count = ngettext('%(n)s page', '%(n)s pages', 2)\n"
        "word = translation.pgettext('month', 'May')\n"
        "dynamic = _(label)\n"
        "print('not translated')\n",
        encoding="utf-8",
    )

    assert [key for key, _line in python_msgids(module)] == [
        (None, "first half, second half", None),
        (None, "%(n)s page", "%(n)s pages"),
        ("month", "May", None),
    ]
