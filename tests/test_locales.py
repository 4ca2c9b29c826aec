"""Content languages: a Locale per CONTENT_LANGUAGES entry, and a HomePage in each of them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from core.languages import sync_content_locales
from home.models import HomePage
from home.services.site import ensure_home_page

PROJECT_ROOT = Path(__file__).resolve().parent.parent

NB_NN_EN = [("nb", "Norwegian Bokmål"), ("nn", "Norwegian Nynorsk"), ("en", "English")]

#: Migrates an empty database, sets up the home page twice and reports what it finds.
MIGRATE_SCRIPT = """
import json
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from wagtail.models import Locale, Site
from home.models import HomePage
from home.services.site import ensure_home_page
locales = sorted(Locale.objects.values_list("language_code", flat=True))
home = ensure_home_page()
ensure_home_page()
print(json.dumps({
    "locales": locales,
    "default_locale": Locale.get_default().language_code,
    "homes": sorted(
        (page.locale.language_code, page.live, page.translation_key == home.translation_key)
        for page in HomePage.objects.select_related("locale")
    ),
    "site_root_is_home": Site.objects.get(is_default_site=True).root_page_id == home.pk,
}))
"""


@pytest.mark.slow
def test_fresh_install_has_a_locale_and_a_home_page_per_content_language(tmp_path):
    """A fresh install with three content languages: every migration on an empty SQLite file.

    Slow (about 20 seconds), so it runs with ``make test-slow``; the fast tests below cover
    the same rules in-process.
    """
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CONTENT_LANGUAGES": "nb,nn,en",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    process = subprocess.run(
        [sys.executable, "-c", MIGRATE_SCRIPT],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout.strip().splitlines()[-1])
    assert result["locales"] == ["en", "nb", "nn"]
    assert result["default_locale"] == "nb"
    assert result["homes"] == [["en", True, True], ["nb", True, True], ["nn", True, True]]
    assert result["site_root_is_home"] is True


@pytest.mark.django_db
@override_settings(WAGTAIL_CONTENT_LANGUAGES=NB_NN_EN, LANGUAGES=NB_NN_EN)
def test_migrate_creates_the_locale_of_a_new_content_language():
    assert not Locale.objects.filter(language_code="nn").exists()
    call_command("migrate", verbosity=0, interactive=False)
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {"nb", "nn", "en"} <= codes


@pytest.mark.django_db
@override_settings(WAGTAIL_CONTENT_LANGUAGES=NB_NN_EN, LANGUAGES=NB_NN_EN)
def test_sync_content_locales_adds_missing_locales_and_keeps_others():
    Locale.objects.create(language_code="se")
    assert not Locale.objects.filter(language_code="nn").exists()
    sync_content_locales()
    sync_content_locales()
    codes = list(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
    assert codes == ["en", "nb", "nn", "se"]


@pytest.mark.django_db
@override_settings(WAGTAIL_CONTENT_LANGUAGES=NB_NN_EN, LANGUAGES=NB_NN_EN)
def test_ensure_home_page_translates_the_home_page_into_each_locale():
    placeholder = Page.objects.get(depth=2, slug="home")
    home = ensure_home_page()
    assert not Page.objects.filter(pk=placeholder.pk).exists()
    assert home.locale.language_code == "nb"
    assert home.live and home.get_parent().is_root()
    translations = {page.locale.language_code: page for page in HomePage.objects.all()}
    assert sorted(translations) == ["en", "nb", "nn"]
    assert all(page.live for page in translations.values())
    assert {page.translation_key for page in translations.values()} == {home.translation_key}
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk

    # Running it again changes nothing, and an edited home page is kept as it is.
    HomePage.objects.filter(pk=home.pk).update(title="Kulturskolerådet")
    again = ensure_home_page()
    assert again.pk == home.pk
    assert again.title == "Kulturskolerådet"
    assert HomePage.objects.count() == 3
    assert Site.objects.count() == 1
