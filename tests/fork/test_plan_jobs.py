"""Forks and template imports from the admin run in the background: the form enqueues a job
and leads to its progress page, which shows the new plan, or the error, to the branch only."""

import json
from io import BytesIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from home.services.branch import branch_groups
from plan.models import ActionPlanPage, PlanJob
from plan.services.jobs import run_plan_job
from plan.services.template.export import export_plan
from tests.fork.builders import SOURCE_PLAN

#: The background tasks are only stored: the test runs them itself, as the worker would.
QUEUED_ONLY = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}


def _editor(username, group):
    user = get_user_model().objects.create_user(username=username, password="pw")
    user.groups.add(group)
    return user


@override_settings(TASKS=QUEUED_ONLY)
class PlanJobAdminTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.troms_editor = _editor("troms", branch_groups(cls.source.troms)[0])
        cls.nordland_editor = _editor("nordland", branch_groups(cls.source.nordland)[0])
        cls.fork_url = reverse("plan_fork", args=[cls.source.troms.pk])
        cls.import_url = reverse("plan_import", args=[cls.source.troms.pk])

    def setUp(self):
        self.client.force_login(self.troms_editor)

    def fork(self, period="2026-2027"):
        before = Page.objects.count()
        response = self.client.post(
            self.fork_url, {"source": self.source.plan.pk, "period": period}
        )
        job = PlanJob.objects.get()
        self.assertRedirects(response, reverse("plan_job", args=[job.pk]))
        self.assertEqual(Page.objects.count(), before, "the request itself builds nothing")
        self.assertEqual(job.state, PlanJob.State.QUEUED)
        self.assertEqual(job.user, self.troms_editor)
        return job

    def test_fork_form_enqueues_and_the_job_page_leads_to_the_new_plan(self):
        job = self.fork()
        page = self.client.get(reverse("plan_job", args=[job.pk]))
        self.assertContains(page, "Venter på å starte")
        self.assertContains(page, '<meta http-equiv="refresh"')

        run_plan_job.call(job.pk)

        job.refresh_from_db()
        plan = ActionPlanPage.objects.child_of(self.source.troms).get()
        self.assertEqual((job.state, job.plan, job.total), (PlanJob.State.DONE, plan, 12))
        self.assertFalse(plan.live)
        self.assertEqual(plan.latest_revision.user, self.troms_editor)
        page = self.client.get(reverse("plan_job", args=[job.pk]))
        self.assertContains(page, reverse("wagtailadmin_pages:edit", args=[plan.pk]))
        self.assertContains(page, "Ferdig: 12 sider som utkast.")
        self.assertNotContains(page, 'http-equiv="refresh"')

    def test_a_failing_job_shows_the_error_in_bokmal_and_changes_nothing(self):
        self.source.plan.copy(
            to=self.source.troms,
            update_attrs={"slug": "eldre-plan", "title": "Eldre plan"},
            keep_live=False,
        )
        before = Page.objects.count()
        job = self.fork(period="2025-2026")  # overlaps the copy's 2024–2025

        run_plan_job.call(job.pk)

        job.refresh_from_db()
        self.assertEqual(job.state, PlanJob.State.FAILED)
        self.assertIsNone(job.plan)
        self.assertEqual(Page.objects.count(), before)
        page = self.client.get(reverse("plan_job", args=[job.pk]))
        self.assertContains(page, "Planen ble ikke laget; ingenting ble endret.")
        self.assertContains(page, "har allerede en plan for 2024–2025")
        self.assertNotContains(page, 'http-equiv="refresh"')

    def test_another_branch_cannot_see_the_job(self):
        job = self.fork()
        self.client.force_login(self.nordland_editor)
        self.assertEqual(self.client.get(reverse("plan_job", args=[job.pk])).status_code, 404)

    def test_a_job_runs_once(self):
        job = self.fork()
        run_plan_job.call(job.pk)
        run_plan_job.call(job.pk)
        self.assertEqual(ActionPlanPage.objects.child_of(self.source.troms).count(), 1)

    def test_template_import_from_the_admin(self):
        document, _report = export_plan(self.source.plan)
        upload = SimpleUploadedFile(
            "plan.json", json.dumps(document).encode(), content_type="application/json"
        )
        before = Page.objects.count()
        response = self.client.post(self.import_url, {"template": upload, "period": "2026-2027"})
        job = PlanJob.objects.get()
        self.assertRedirects(response, reverse("plan_job", args=[job.pk]))
        self.assertEqual(Page.objects.count(), before)

        run_plan_job.call(job.pk)

        job.refresh_from_db()
        self.assertEqual(job.state, PlanJob.State.DONE, job.error)
        self.assertEqual(job.plan.get_parent().pk, self.source.troms.pk)
        self.assertEqual((job.plan.period_start, job.plan.period_end), (2026, 2027))
        page = self.client.get(reverse("plan_job", args=[job.pk]))
        self.assertContains(page, reverse("wagtailadmin_pages:edit", args=[job.plan.pk]))

    def import_with_new_image(self, **data):
        """Import the source plan's template, whose cover image this install does not have,
        from the admin form; run the job; return it."""
        document, _report = export_plan(self.source.plan)
        document["images"][0]["file_hash"] = "0" * 40
        upload = SimpleUploadedFile(
            "plan.json", json.dumps(document).encode(), content_type="application/json"
        )
        response = self.client.post(
            self.import_url, {"template": upload, "period": "2026-2027", **data}
        )
        job = PlanJob.objects.get()
        self.assertRedirects(response, reverse("plan_job", args=[job.pk]))
        buffer = BytesIO()
        PILImage.new("RGB", (4, 3), "red").save(buffer, "PNG")
        fetch = mock.Mock(return_value=buffer.getvalue())
        with mock.patch("plan.services.template.refs.fetch_url", fetch):
            run_plan_job.call(job.pk)
        job.refresh_from_db()
        self.assertEqual(job.state, PlanJob.State.DONE, job.error)
        return job, document["images"][0]["url"], fetch

    def test_the_import_form_offers_to_fetch_media(self):
        response = self.client.get(self.import_url)
        self.assertContains(response, "Hent bilder og dokumenter")
        self.assertContains(response, 'name="fetch_media"')

    def test_template_import_fetches_media_when_asked(self):
        job, url, fetch = self.import_with_new_image(fetch_media="on")
        self.assertEqual([call.args[0] for call in fetch.call_args_list], [url])
        image = job.plan.specific.cover_image
        self.assertEqual((image.width, image.height), (4, 3))
        self.assertIn(f"Hentet {url}.", " ".join(job.report))  # in the admin language

    def test_template_import_fetches_no_media_unless_asked(self):
        job, url, fetch = self.import_with_new_image()
        fetch.assert_not_called()
        self.assertIsNone(job.plan.specific.cover_image)
        self.assertTrue(
            any("Ikke hentet (velg «Hent bilder og dokumenter»" in line for line in job.report)
        )

    def test_a_bad_template_file_is_a_form_error_and_enqueues_nothing(self):
        upload = SimpleUploadedFile("plan.json", b"{not json", content_type="application/json")
        response = self.client.post(self.import_url, {"template": upload})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["template"])
        self.assertFalse(PlanJob.objects.exists())

    def test_import_button_on_the_branch_and_403_elsewhere(self):
        explore = self.client.get(reverse("wagtailadmin_explore", args=[self.source.troms.pk]))
        self.assertContains(explore, self.import_url)
        nordland_import = reverse("plan_import", args=[self.source.nordland.pk])
        self.assertEqual(self.client.get(nordland_import).status_code, 403)


class ImmediateBackendTests(WagtailTestUtils, TestCase):
    """With the development default (BACKGROUND_TASKS=immediate) the job runs in the request
    and the editor lands on a finished job."""

    @classmethod
    def setUpTestData(cls):
        cls.source = SOURCE_PLAN.install()
        cls.troms_editor = _editor("troms", branch_groups(cls.source.troms)[0])

    def test_fork_runs_at_once(self):
        self.client.force_login(self.troms_editor)
        response = self.client.post(
            reverse("plan_fork", args=[self.source.troms.pk]),
            {"source": self.source.plan.pk, "period": "2026-2027"},
            follow=True,
        )
        job = PlanJob.objects.get()
        self.assertEqual(job.state, PlanJob.State.DONE)
        self.assertContains(response, reverse("wagtailadmin_pages:edit", args=[job.plan.pk]))


@override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
)
class DatabaseWorkerTests(WagtailTestUtils, TestCase):
    """The production path: the job is stored as a task row and run by ``db_worker``."""

    def test_db_worker_runs_the_fork(self):
        self.source = SOURCE_PLAN.install()
        editor = _editor("troms", branch_groups(self.source.troms)[0])
        self.client.force_login(editor)
        response = self.client.post(
            reverse("plan_fork", args=[self.source.troms.pk]),
            {"source": self.source.plan.pk, "period": "2026-2027"},
        )
        job = PlanJob.objects.get()
        self.assertRedirects(response, reverse("plan_job", args=[job.pk]))
        queued = DBTaskResult.objects.filter(task_path="plan.services.jobs.run_plan_job")
        self.assertEqual([task.status for task in queued], ["READY"])

        # The worker closes "old" connections between tasks, which inside the test's
        # transaction would close the test's own connection; Django's test client skips
        # close_old_connections for the same reason.
        with mock.patch.object(db_worker, "close_old_connections"):
            call_command(
                "db_worker",
                "--batch",
                "--backend",
                "background",
                "--queue-name",
                "default",
                "--no-startup-delay",
                verbosity=0,
            )

        job.refresh_from_db()
        self.assertEqual(job.state, PlanJob.State.DONE, job.error)
        self.assertEqual([task.status for task in queued.all()], ["SUCCESSFUL"])
        page = self.client.get(reverse("plan_job", args=[job.pk]))
        self.assertContains(page, reverse("wagtailadmin_pages:edit", args=[job.plan.pk]))
