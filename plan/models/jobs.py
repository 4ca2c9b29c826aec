"""A fork or template import run in the background, and how far it has come."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanJob(models.Model):
    """One fork ("New plan based on …") or template import asked for in the admin.

    The admin enqueues it and leads the editor to its progress page; a background task
    (``plan.services.jobs.run_plan_job``) builds the plan and records the result or the error.
    """

    class Kind(models.TextChoices):
        FORK = "fork", _("New plan based on another")
        IMPORT = "import", _("Template import")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    branch = models.ForeignKey(
        "home.BranchPage",
        verbose_name=_("branch"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The branch the new plan is made for (in the default language)."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("What is being made."))
    parameters = models.JSONField(_("parameters"), default=dict)
    done = models.PositiveIntegerField(_("pages done"), default=0)
    total = models.PositiveIntegerField(_("pages in all"), default=0)
    plan = models.ForeignKey(
        "plan.ActionPlanPage",
        verbose_name=_("new plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = models.JSONField(_("report"), default=list)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("plan job")
        verbose_name_plural = _("plan jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title} ({self.state})"

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)
