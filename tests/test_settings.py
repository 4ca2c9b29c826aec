"""Settings come from the environment and refuse to start when something essential is wrong.

Each case imports a settings module in a fresh interpreter with a clean environment, so the
environment of the test run (and the settings already loaded) cannot leak in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: A key as `secrets.token_urlsafe(50)` makes one (test-only, not a secret).
STRONG_KEY = "t3st-0nly-9Qx7vLk2Pz8RmW4nYb6Hc1Jd5Fg0Ts3Ua7Ve2Xi4Oq8Nr6Kp1Ml9Sj"
#: The minimal production environment documented in docs/deployment.md.
MINIMAL_PRODUCTION = {
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "cms.example.no",
    "DATABASE_URL": "postgres://cms:secret@db.example.no:5432/handlingsplan",
}

#: Imports the settings module named on the command line and prints what the tests look at.
SCRIPT = """
import importlib, json, sys
s = importlib.import_module(sys.argv[1])
db = s.DATABASES["default"]
print(json.dumps({
    "DEBUG": s.DEBUG,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "SESSION_COOKIE_SECURE": getattr(s, "SESSION_COOKIE_SECURE", False),
    "DATABASE": {key: db.get(key) for key in ("ENGINE", "NAME", "USER", "HOST", "PORT")},
    "LANGUAGE_CODE": s.LANGUAGE_CODE,
    "CONTENT_LANGUAGES": [code for code, _name in s.WAGTAIL_CONTENT_LANGUAGES],
    "DEMO_ADMIN_PASSWORD": s.DEMO_ADMIN_PASSWORD,
    "FRONTEND_BASE_URL": s.FRONTEND_BASE_URL,
}))
"""


def load_settings(module, **environ):
    """Import ``module`` with only ``environ`` (and PATH) set; return the finished process."""
    env = {"PATH": os.environ.get("PATH", ""), **environ}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, module],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def loaded(process):
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def test_production_refuses_to_start_without_secret_key():
    process = load_settings("cms.settings.production", ALLOWED_HOSTS="cms.example.org")
    assert process.returncode != 0
    assert "ImproperlyConfigured" in process.stderr
    assert "SECRET_KEY" in process.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    process = load_settings("cms.settings.production", SECRET_KEY=STRONG_KEY)
    assert process.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in process.stderr


def test_production_starts_with_secret_key_and_hosts_and_honours_database_url():
    settings = loaded(
        load_settings(
            "cms.settings.production",
            SECRET_KEY=STRONG_KEY,
            ALLOWED_HOSTS="cms.example.org, api.example.org",
            DATABASE_URL="postgres://handlingsplan:secret@db.example.org:5433/handlingsplan",
        )
    )
    assert settings["DEBUG"] is False
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["ALLOWED_HOSTS"] == ["cms.example.org", "api.example.org"]
    assert settings["DATABASE"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "handlingsplan",
        "USER": "handlingsplan",
        "HOST": "db.example.org",
        "PORT": 5433,
    }


def test_sqlite_and_bokmal_by_default():
    settings = loaded(load_settings("cms.settings.dev"))
    assert settings["DATABASE"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["DATABASE"]["NAME"] == str(PROJECT_ROOT / "db.sqlite3")
    assert settings["LANGUAGE_CODE"] == "nb"
    assert settings["CONTENT_LANGUAGES"] == ["nb", "en"]


def test_content_languages_come_from_the_environment():
    settings = loaded(load_settings("cms.settings.dev", CONTENT_LANGUAGES="nb, nn ,en"))
    assert settings["CONTENT_LANGUAGES"] == ["nb", "nn", "en"]
    assert settings["LANGUAGE_CODE"] == "nb"


def test_every_norwegian_and_sami_content_language_starts():
    settings = loaded(load_settings("cms.settings.dev", CONTENT_LANGUAGES="nb,nn,en,se,smj,sma"))
    assert settings["CONTENT_LANGUAGES"] == ["nb", "nn", "en", "se", "smj", "sma"]


@pytest.mark.parametrize("languages", ["nb,xx", ","])
def test_unknown_content_language_fails_with_a_clear_message(languages):
    process = load_settings("cms.settings.dev", CONTENT_LANGUAGES=languages)
    assert process.returncode != 0
    assert "ImproperlyConfigured" in process.stderr
    assert (
        "CONTENT_LANGUAGES must be a comma-separated list of nb, nn, en, se, smj, sma"
        in process.stderr
    )
    assert ("unknown: xx" if "xx" in languages else "(empty)") in process.stderr


def test_the_test_settings_take_nothing_from_the_callers_environment_but_the_database():
    settings = loaded(
        load_settings(
            "cms.settings.test",
            DATABASE_URL="postgres://tester@db.example.org:5433/handlingsplan_test",
            DEMO_ADMIN_PASSWORD="exported-for-make-demo",
            CONTENT_LANGUAGES="nb,nn,en",
            FRONTEND_BASE_URL="https://www.example.org",
        )
    )
    assert settings["DATABASE"]["HOST"] == "db.example.org"
    assert settings["DEMO_ADMIN_PASSWORD"] is None
    assert settings["CONTENT_LANGUAGES"] == ["nb", "en"]
    assert settings["FRONTEND_BASE_URL"] == ""


@pytest.mark.parametrize(
    "key",
    [
        "short",
        "x" * 60,  # long, but one character
        "abcd" * 20,  # four distinct characters
        "django-insecure-" + STRONG_KEY,
    ],
)
def test_production_refuses_a_weak_secret_key(key):
    process = load_settings("cms.settings.production", **{**MINIMAL_PRODUCTION, "SECRET_KEY": key})
    assert process.returncode != 0
    assert "SECRET_KEY is too weak for production" in process.stderr


def test_check_deploy_gives_no_warning_with_the_minimal_production_variables():
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        **MINIMAL_PRODUCTION,
    }
    process = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    assert "System check identified no issues" in process.stdout


HSTS_SCRIPT = """
import importlib, json, sys
s = importlib.import_module("cms.settings.production")
print(json.dumps([s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD]))
"""


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, [31_536_000, True, True]),
        (
            {
                "SECURE_HSTS_SECONDS": "3600",
                "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
                "SECURE_HSTS_PRELOAD": "false",
            },
            [3600, False, False],
        ),
    ],
)
def test_hsts_is_on_by_default_in_production_and_configurable(environ, expected):
    process = subprocess.run(
        [sys.executable, "-c", HSTS_SCRIPT],
        cwd=PROJECT_ROOT,
        env={"PATH": os.environ.get("PATH", ""), **MINIMAL_PRODUCTION, **environ},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(loaded_stdout(process)) == expected


def loaded_stdout(process):
    assert process.returncode == 0, process.stderr
    return process.stdout
