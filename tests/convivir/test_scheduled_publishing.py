"""Scheduled publishing: the cron's ``run_periodic_tasks`` also publishes
pages whose go-live time has come and unpublishes expired ones (Wagtail's
``publish_scheduled``), on every run."""

from datetime import timedelta

from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from wagtail.models import Revision

import pytest

from convivir.models import ContentPage, PeriodicJobRun
from convivir.periodic import periodic_jobs
from tests.utils import add_child

pytestmark = pytest.mark.django_db


def schedule(page, go_live_at) -> Revision:
    """Publish a new revision of ``page`` to go live at ``go_live_at``, as
    an editor does with "Schedule" in the admin."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    revision.refresh_from_db()
    return revision


def make_due(revision, moment):
    """Move a scheduled revision's go-live time to ``moment``: the time the
    editor chose has come, without waiting for it."""
    revision.content["go_live_at"] = moment.isoformat()
    revision.approved_go_live_at = moment
    revision.save(update_fields=["content", "approved_go_live_at"])


def run_cron(django_capture_on_commit_callbacks):
    """One cron run. Tasks are queued when the transaction commits and run
    at once (the default backend). The jobs' last runs are then moved five
    minutes back, so the next call is the cron's next run."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic_tasks")
    PeriodicJobRun.objects.update(
        last_enqueued_at=F("last_enqueued_at") - timedelta(minutes=5)
    )


def test_a_scheduled_page_goes_live_on_the_next_run(
    client, home, django_capture_on_commit_callbacks
):
    page = ContentPage(title="Nueva jornada", slug="nueva-jornada", live=False)
    home.add_child(instance=page)
    revision = schedule(page, timezone.now() + timedelta(hours=1))
    page.refresh_from_db()
    assert not page.live and page.scheduled_revision == revision

    run_cron(django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert not page.live, "published before its time"

    make_due(revision, timezone.now() - timedelta(seconds=1))
    run_cron(django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live
    assert client.get("/es/nueva-jornada/").status_code == 200


def test_an_expired_page_is_unpublished(
    client, home, django_capture_on_commit_callbacks
):
    page = add_child(home, ContentPage(title="Aviso viejo", slug="aviso-viejo"))
    ContentPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    run_cron(django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/es/aviso-viejo/").status_code == 404


def test_scheduled_publishing_runs_on_every_cron_run():
    (job,) = [job for job in periodic_jobs if job.name == "publish_scheduled"]
    # Cron cannot start more often than every minute: the job comes round
    # on every run, and two runs in the same minute do not repeat it.
    now = timezone.now()
    assert "publish_scheduled" in periodic_jobs.enqueue_due(now=now)
    assert "publish_scheduled" not in periodic_jobs.enqueue_due(now=now)
    later = now + timedelta(minutes=1) - timedelta(seconds=10)
    assert "publish_scheduled" in periodic_jobs.enqueue_due(now=later)
    assert job.every <= timedelta(minutes=1)
