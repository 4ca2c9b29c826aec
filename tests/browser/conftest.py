"""Real-browser tests: Playwright driving Debian's Chromium against a live server.

The server is Django's ``LiveServerThread`` on a free loopback port, in this process, on the
test database (PostgreSQL: ``DATABASE_URL``; skipped on SQLite). The demo content, a second
branch (Troms) and their users are loaded once per session; each scenario works on its own
pages, so the scenarios share them.
Every test module marks itself ``slow``, ``browser`` and ``django_db`` (pytest-django creates
the test database only when a collected test asks for one; each test's own queries run in a
transaction that is rolled back, the browser's through the server are committed).
Screenshots of each scenario's final state go to ``tests/output/`` (ignored by git).

Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/run``); Playwright never
downloads a browser. Without Chromium these tests are skipped with a message.
"""

import contextlib
import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread
from playwright.sync_api import Error as PlaywrightError

#: What every browser test module is marked with.
BROWSER_TEST = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "output"
DEMO_PASSWORD = "demo-fylke"
TROMS_EDITOR = "troms-redaktor"


@pytest.fixture(scope="session")
def chromium_path():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium package.")
    return CHROMIUM


@pytest.fixture(scope="session")
def orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; the ORM calls in between are
    still synchronous, so Django's guard against async contexts is lifted for the session."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def db_access(orm_beside_playwright, django_db_setup, django_db_blocker):
    """The test database, open to the tests and the live server for the whole session."""
    if connections["default"].vendor != "postgresql":
        pytest.skip(
            "Browser tests need PostgreSQL (set DATABASE_URL): the live server's threads "
            "cannot share SQLite's in-memory test database."
        )
    with django_db_blocker.unblock():
        name = connections["default"].settings_dict["NAME"]
        assert name.startswith("test_"), f"not a test database: {name}"
        yield


@pytest.fixture(scope="session")
def live_site(db_access, chromium_path):
    """The URL of a live server with the demo content, Troms and their users."""
    from django.contrib.auth import get_user_model

    from home.services.branch import create_branch
    from tests.factories import DocumentFactory

    call_command("load_demo_content", stdout=StringIO())
    nordland = create_branch("nordland", "Norsk kulturskoleråd Nordland")  # the demo's, as is
    DocumentFactory(title="Styrereferat Nordland", collection=nordland.collection)
    troms = create_branch("troms", "Norsk kulturskoleråd Troms")
    editor = get_user_model().objects.create_user(
        TROMS_EDITOR, f"{TROMS_EDITOR}@example.org", DEMO_PASSWORD
    )
    editor.groups.add(troms.editors)

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    url = f"http://127.0.0.1:{server.port}"
    with override_settings(
        WAGTAILADMIN_BASE_URL=url, API_ASSET_BASE_URL=url, ALLOWED_HOSTS=["127.0.0.1"]
    ):
        yield url
    server.terminate()
    with connections["default"].cursor() as cursor:  # request threads' connections, if any
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session")
def browser(chromium_path, live_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_test_failed = report.failed
    return report


@pytest.fixture
def new_page(browser, live_site, request):
    """``new_page()``: a page in a fresh browser context (own cookies) on the live server.

    When the test fails, every page it opened is saved under tests/output/ as it was.
    """
    contexts = []

    def _new_page():
        context = browser.new_context(base_url=live_site, locale="nb-NO")
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    if getattr(request.node, "browser_test_failed", False):
        OUTPUT_DIR.mkdir(exist_ok=True)
        for number, context in enumerate(contexts):
            for page in context.pages:
                path = OUTPUT_DIR / f"FAILED-{request.node.name}-{number}.png"
                # A page still busy: the failure itself matters more than its picture.
                with contextlib.suppress(PlaywrightError):
                    page.screenshot(path=str(path))
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    """``screenshot(page)``: the final state of a scenario, under tests/output/."""
    OUTPUT_DIR.mkdir(exist_ok=True)

    def _screenshot(page, suffix=""):
        name = request.node.name.replace("[", "-").replace("]", "").replace("/", "-")
        path = OUTPUT_DIR / f"{name}{suffix}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _screenshot


def log_in(page, username, password=DEMO_PASSWORD):
    """Log in through the admin's login form."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def website_ready(page):
    """Wait until the website has rendered the address it was opened at."""
    page.wait_for_selector("body[data-ready=true]")
