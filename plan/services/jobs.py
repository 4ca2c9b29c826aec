"""Forks and template imports from the admin, run in the background with visible progress.

The admin creates a :class:`plan.models.PlanJob` and enqueues :func:`run_plan_job` on the
``background`` task backend (django-tasks; ``manage.py db_worker`` runs it in production), so
no request waits for the build. The job's page shows its state; while it runs, the number of
pages written so far comes from the cache (shared by every process when ``REDIS_URL`` is set),
because the job's own row only changes when the build's transaction has committed.
"""

import logging

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile

from plan.models import ActionPlanPage, PlanJob
from plan.periods import period_label
from plan.services.fork import fork_plan
from plan.services.plan_tree import ForkError
from plan.services.template.check import TemplateError
from plan.services.template.importer import import_plan

logger = logging.getLogger(__name__)

BACKGROUND = "background"
#: How long the progress of a running job is kept in the cache (seconds).
PROGRESS_TIMEOUT = 6 * 60 * 60


def _progress_key(job_id):
    return f"plan-job-progress:{job_id}"


def start_fork(source, branch, period, structure_only, user):
    """Enqueue a fork of ``source`` into ``branch`` for ``period``; return the job."""
    job = PlanJob.objects.create(
        kind=PlanJob.Kind.FORK,
        branch=branch,
        user=user,
        title=f"{source.title} → {branch.title}, {period_label(*period)}"[:255],
        parameters={
            "source": source.pk,
            "period": list(period),
            "structure_only": bool(structure_only),
        },
    )
    run_plan_job.enqueue(job.pk)
    return job


def start_import(document, branch, period, replace, user, fetch_media=False):
    """Enqueue the import of the checked template ``document`` into ``branch``; with
    ``fetch_media`` the job downloads the media this install does not have."""
    content = document["plan"]["content"]
    title = (content.get(document["locales"][0]) or next(iter(content.values()), {})).get(
        "title", ""
    )
    job = PlanJob.objects.create(
        kind=PlanJob.Kind.IMPORT,
        branch=branch,
        user=user,
        title=f"{title} → {branch.title}"[:255],
        parameters={
            "document": document,
            "period": list(period) if period else None,
            "replace": bool(replace),
            "fetch_media": bool(fetch_media),
        },
    )
    run_plan_job.enqueue(job.pk)
    return job


def progress(job):
    """``(done, total)`` pages of ``job``: from the cache while it runs."""
    if job.state == PlanJob.State.RUNNING:
        return cache.get(_progress_key(job.pk)) or (0, 0)
    return job.done, job.total


def _fork(job, report_progress):
    parameters = job.parameters
    source = ActionPlanPage.objects.filter(pk=parameters["source"]).first()
    if source is None:
        raise ForkError(_("The plan to copy from no longer exists."))
    return fork_plan(
        source,
        job.branch.specific,
        tuple(parameters["period"]),
        structure_only=parameters["structure_only"],
        user=job.user,
        progress=report_progress,
    )


def _import(job, report_progress):
    parameters = job.parameters
    period = tuple(parameters["period"]) if parameters["period"] else None
    return import_plan(
        parameters["document"],
        job.branch.specific,
        period=period,
        replace=parameters["replace"],
        fetch_media=parameters.get("fetch_media", False),  # jobs queued before the option
        user=job.user,
        progress=report_progress,
    )


def _language(user):
    """The admin language of ``user``, for the report and the error message."""
    if user is None:
        return translation.get_language()
    return UserProfile.get_for_user(user).get_preferred_language()


@task(backend=BACKGROUND)
def run_plan_job(job_id):
    """Build the plan of a queued job; record the new plan and its report, or the error.

    The build is one transaction: a failed job has changed nothing but its own row.
    """
    job = PlanJob.objects.filter(pk=job_id, state=PlanJob.State.QUEUED).first()
    if job is None:
        return
    job.state = PlanJob.State.RUNNING
    job.save(update_fields=["state", "updated_at"])
    key = _progress_key(job.pk)

    def report_progress(done, total):
        cache.set(key, (done, total), PROGRESS_TIMEOUT)

    with translation.override(_language(job.user)):
        try:
            build = _fork if job.kind == PlanJob.Kind.FORK else _import
            result = build(job, report_progress)
        except ForkError as error:
            job.error = str(error)
        except TemplateError as error:
            job.error = "\n".join(error.messages)
        except Exception:
            logger.exception("Plan job %s failed", job.pk)
            job.error = _(
                "An unexpected error stopped the job; nothing was changed. Try again, and "
                "tell an administrator if it happens again."
            )
        else:
            job.plan = result.plan
            job.report = list(result.report)
            job.done = job.total = len(result.pages)
    job.state = PlanJob.State.FAILED if job.error else PlanJob.State.DONE
    job.save()
    cache.delete(key)
