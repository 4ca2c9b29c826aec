"""Workflow e-mails are in Bokmål, name the plan and the branch and link to the configured hosts.

Everything goes through the admin's own views: the editor submits a measure from the edit
view, the approver approves or asks for changes from the workflow action view, and a comment
is added with the edit form; Django's mail outbox collects what was sent.
"""

import re

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import PageSubscription, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.services.branch import create_branch
from tests.branches.builders import make_user
from tests.factories import make_plan

ADMIN = "https://cms.example.no"
WEBSITE = "https://www.example.no"
#: Phrases of Wagtail's own (English) e-mails; none may be left.
ENGLISH = re.compile(
    r"\b(Hello|The page|has been|submitted|approved|rejected|You can|here:|comments? on"
    r"|moderation|workflow|notification)\b",
    re.IGNORECASE,
)


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN, FRONTEND_BASE_URL=WEBSITE)
class WorkflowEmailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.troms = create_branch("troms", "Norsk kulturskoleråd Troms")
        cls.tree = make_plan(
            branch=cls.troms.branch,
            strategies=1,
            measures_per_strategy=1,
            title="Handlingsplan 2026–2027",
            slug="handlingsplan-2026-2027",
        )
        cls.measure = cls.tree.measures[0]
        cls.editor = make_user("troms-redaktor", cls.troms.editors)
        cls.approver = make_user("troms-godkjenner", cls.troms.approvers)

    def edit_data(self, page, **changes):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        html = self.client.get(url).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        for model_field in type(page)._meta.get_fields():
            if isinstance(model_field, StreamField):
                data.update(nested_form_data({model_field.name: streamfield([])}))
        for key, value in changes.items():
            data[key] = value
        return url, data

    def submit(self, title="Kurs for kulturskolelærere"):
        url, data = self.edit_data(self.measure, title=title)
        data["action-submit"] = "1"
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)
        assert response.status_code == 302, response.content[:500]

    def act(self, action, comment=""):
        state = WorkflowState.objects.active().get(object_id=str(self.measure.pk))
        self.client.force_login(self.approver)
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[self.measure.pk, action, state.current_task_state.pk],
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"comment": comment})
        assert response.status_code == 302

    def mail_to(self, user):
        messages = [message for message in mail.outbox if user.email in message.to]
        assert len(messages) == 1, [(m.to, m.subject) for m in mail.outbox]
        return messages[0]

    def assertNorwegian(self, message):
        text = f"{message.subject}\n{message.body}"
        assert not ENGLISH.findall(re.sub(r"https?://\S+", "", text)), text
        assert "Norsk kulturskoleråd Troms" in message.subject
        assert "Handlingsplan 2026–2027" in message.body
        assert "Norsk kulturskoleråd Troms" in message.body
        assert f"{ADMIN}/admin/pages/{self.measure.pk}/edit/" in message.body
        assert "localhost" not in text and "testserver" not in text
        assert f"{ADMIN}/admin/account/#tab-notifications" in message.body
        assert message.body.startswith("Hei ")

    def test_submitted_tells_the_approver_with_a_preview_link(self):
        self.submit()

        message = self.mail_to(self.approver)
        self.assertNorwegian(message)
        assert message.subject.startswith("Venter på din godkjenning: «Kurs for kulturskolelærere»")
        assert "er sendt til godkjenning" in message.body
        assert f"{ADMIN}/admin/pages/workflow/preview/{self.measure.pk}/" in message.body

    def test_approved_tells_the_editor_with_the_page_on_the_website(self):
        self.submit()
        mail.outbox.clear()

        self.act("approve")

        message = self.mail_to(self.editor)
        self.assertNorwegian(message)
        assert message.subject.startswith("Godkjent: «Kurs for kulturskolelærere»")
        assert f"{WEBSITE}/nb/troms/handlingsplan-2026-2027/" in message.body

    def test_changes_requested_tells_the_editor_with_the_comment(self):
        self.submit()
        mail.outbox.clear()

        self.act("reject", comment="Skriv mer om målgruppen.")

        message = self.mail_to(self.editor)
        self.assertNorwegian(message)
        assert message.subject.startswith("Endringer ønskes: «Kurs for kulturskolelærere»")
        assert "troms-godkjenner ber om endringer" in message.body
        assert "«Skriv mer om målgruppen.»" in message.body

    def test_a_new_comment_is_mailed_to_the_pages_subscribers(self):
        PageSubscription.objects.create(
            page=self.measure, user=self.approver, comment_notifications=True
        )
        url, data = self.edit_data(self.measure, title="Kurs for kulturskolelærere")
        data.update(
            {
                "comments-TOTAL_FORMS": "1",
                "comments-INITIAL_FORMS": "0",
                "comments-MIN_NUM_FORMS": "0",
                "comments-MAX_NUM_FORMS": "1000",
                "comments-0-id": "",
                "comments-0-contentpath": "title",
                "comments-0-text": "Stemmer datoen?",
                "comments-0-position": "",
                "comments-0-resolved": "",
                "comments-0-replies-TOTAL_FORMS": "0",
                "comments-0-replies-INITIAL_FORMS": "0",
                "comments-0-replies-MIN_NUM_FORMS": "0",
                "comments-0-replies-MAX_NUM_FORMS": "1000",
            }
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)
        assert response.status_code == 302, response.content[:500]

        message = self.mail_to(self.approver)
        self.assertNorwegian(message)
        assert message.subject.startswith("Nye kommentarer til")
        assert "Nye kommentarer:" in message.body
        assert '"Stemmer datoen?"' in message.body


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN, FRONTEND_BASE_URL="")
class WorkflowEmailWithoutWebsiteTests(WorkflowEmailTests):
    """Without a website of its own, the page link points at the CMS, which serves the page."""

    def test_approved_tells_the_editor_with_the_page_on_the_website(self):
        self.submit()
        mail.outbox.clear()

        self.act("approve")

        message = self.mail_to(self.editor)
        assert f"{ADMIN}/nb/troms/handlingsplan-2026-2027/" in message.body
        assert WEBSITE not in message.body

    test_submitted_tells_the_approver_with_a_preview_link = None
    test_changes_requested_tells_the_editor_with_the_comment = None
    test_a_new_comment_is_mailed_to_the_pages_subscribers = None
