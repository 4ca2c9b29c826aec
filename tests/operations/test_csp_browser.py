"""The admin and the API docs work under the Content-Security-Policy, in headless Chromium.

Every page is loaded with a listener for ``securitypolicyviolation`` events; none may fire,
and the page must have drawn what its scripts draw (the page editor, Swagger UI).
"""

import shutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.test import Client
from wagtail.models import Collection

from tests.factories import make_plan
from tests.operations.servers import free_port

CHROMIUM = "/usr/bin/chromium"
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="chromium is not installed"),
]


class CspInBrowserTests(StaticLiveServerTestCase):
    """A superuser's session in Chromium; pages are checked for CSP violations."""

    @classmethod
    def setUpClass(cls):
        cls.port = free_port()  # now: earlier tests' servers may have used the first ones
        super().setUpClass()

    def setUp(self):
        if Collection.get_first_root_node() is None:  # an earlier live-server test flushed it
            Collection.add_root(name="Root")
        tree = make_plan(strategies=1, measures_per_strategy=1)
        self.plan = tree.plan
        self.measure = tree.measures[0]
        self.user = get_user_model().objects.create_superuser("csp", "csp@example.org", "x" * 20)
        client = Client()
        client.force_login(self.user)
        self.session = client.cookies[settings.SESSION_COOKIE_NAME].value

    def open(self, path, ready_selector, click=None, then_selector=None):
        """Load ``path`` until ``ready_selector`` shows (then click ``click`` until
        ``then_selector`` shows); no CSP violation may have been seen.

        Playwright runs an event loop, so it runs only inside this method: the test's
        database work happens before and after, outside the loop.
        """
        from playwright.sync_api import sync_playwright

        cookie = {
            "name": settings.SESSION_COOKIE_NAME,
            "value": self.session,
            "url": self.live_server_url,
        }
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context()
            context.add_cookies([cookie])
            page = context.new_page()
            page.add_init_script(WATCH_VIOLATIONS)
            response = page.goto(self.live_server_url + path)
            status, policy = response.status, response.headers["content-security-policy"]
            page.wait_for_selector(ready_selector, timeout=20_000)
            page.wait_for_load_state("networkidle")
            if click:
                page.click(click)
                page.wait_for_selector(then_selector, state="attached", timeout=20_000)
                page.wait_for_load_state("networkidle")
            violations = page.evaluate("window.__violations")
            browser.close()
        self.assertEqual(status, 200, path)
        self.assertIn("script-src 'self'", policy)
        if not path.startswith("/admin/"):
            self.assertNotIn("unsafe-inline", policy.split("script-src")[1].split(";")[0])
        self.assertEqual(violations, [], path)

    def test_admin_dashboard(self):
        self.open("/admin/", "#wagtail-sidebar nav, [data-side-panel-toggle], .w-dashboard, main")

    def test_page_editor(self):
        self.open(f"/admin/pages/{self.plan.pk}/edit/", ".Draftail-Editor")

    def test_chooser_modal(self):
        self.open(
            f"/admin/pages/{self.plan.pk}/edit/",
            "#id_cover_image-chooser",
            click="#id_cover_image-chooser .unchosen [data-chooser-action-choose]",
            then_selector=".modal-body h1",
        )

    def test_inline_row_with_a_chooser(self):
        """A new inline row runs the inline script of its chooser widget."""
        self.open(
            f"/admin/pages/{self.measure.pk}/edit/",
            "#id_contacts-ADD",
            click="#id_contacts-ADD",
            then_selector="#id_contacts-0-contact-chooser",
        )

    def test_translation_editor(self):
        """wagtail-localize's editor of an English translation (a React app)."""
        from wagtail.models import Locale
        from wagtail_localize.operations import TranslationCreator

        english, _created = Locale.objects.get_or_create(language_code="en")
        TranslationCreator(self.user, [english]).create_translations(self.plan)
        translated = self.plan.get_translation(english)
        self.open(f"/admin/pages/{translated.pk}/edit/", ".js-translation-editor .w-tabs")

    def test_image_library(self):
        self.open("/admin/images/", "main")

    def test_api_docs(self):
        self.open("/api/docs/", ".swagger-ui .opblock")
