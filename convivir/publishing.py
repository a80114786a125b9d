"""Wagtail's scheduled publishing, run as a periodic job.

Editors schedule a page or snippet revision to go live (or to expire) in the
admin; Wagtail only acts on it when its ``publish_scheduled`` command runs.
Queued by ``run_periodic_tasks`` like every other job, so the one cron entry
the README documents is all a deployment needs."""

from django.core.management import call_command

from django_tasks import task


@task()
def publish_scheduled_task() -> None:
    """Periodic: publish the page and snippet revisions whose go-live time
    has passed and unpublish what has expired."""
    call_command("publish_scheduled")
