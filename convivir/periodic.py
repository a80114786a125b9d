"""Jobs that run on a schedule, such as retrying e-mail or deleting personal
data that is no longer needed.

django-tasks has no scheduler of its own, so apps register their periodic
tasks here and one cron entry (or systemd timer) runs
``manage.py run_periodic_tasks`` every few minutes; each due job is then
queued as an ordinary task for the worker. Jobs must be safe to run twice.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from django_tasks.base import Task

# Cron starts the command on the minute, but start-up takes a moment that
# varies: a job may come round slightly "early". Without this slack a
# five-minute job would often skip a turn and run every ten.
SLACK = timedelta(seconds=30)


@dataclass(frozen=True)
class PeriodicJob:
    """A task to queue every ``every``."""

    name: str
    task: Task
    every: timedelta


class PeriodicJobRegistry:
    """The periodic jobs registered by the apps, queued by
    :meth:`enqueue_due`."""

    def __init__(self):
        self._jobs: dict[str, PeriodicJob] = {}

    def register(self, name: str, task: Task, every: timedelta):
        self._jobs[name] = PeriodicJob(name, task, every)

    def __iter__(self):
        return iter(sorted(self._jobs.values(), key=lambda job: job.name))

    def enqueue_due(self, now=None) -> list[str]:
        """Queue every job whose interval has passed since it was last queued;
        return their names. A row lock keeps two overlapping runs from
        queueing the same job twice."""
        from convivir.models import PeriodicJobRun

        now = now or timezone.now()
        queued = []
        for job in self:
            with transaction.atomic():
                run, _ = PeriodicJobRun.objects.select_for_update().get_or_create(
                    name=job.name
                )
                due_at = (run.last_enqueued_at or now) + job.every - SLACK
                if run.last_enqueued_at and due_at > now:
                    continue
                run.last_enqueued_at = now
                run.save(update_fields=["last_enqueued_at"])
                transaction.on_commit(job.task.enqueue, robust=True)
            queued.append(job.name)
        return queued


periodic_jobs = PeriodicJobRegistry()
