"""A volunteer's record (:mod:`networks.models.volunteers`): the phone in
one format, the retention purge (what it deletes, and nothing else), and
audit-log entries that never name the person."""

import io
from datetime import timedelta
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from convivir.periodic import periodic_jobs
from networks.factories import VolunteerFactory
from networks.models import Volunteer
from tests.networks.conftest import address

pytestmark = pytest.mark.django_db


SIGNUP_URL = address("networks:signup")


def test_the_volunteers_phone_is_stored_in_one_format(client, signup_data):
    response = client.post(SIGNUP_URL, {**signup_data, "phone": "962-123-4567"})
    assert response.status_code == 302
    assert Volunteer.objects.get().phone == "+529621234567"


def test_stored_phones_are_normalised_by_the_migration(network_a):

    volunteer = VolunteerFactory(network=network_a, phone="962 555 0100")
    migration = import_module("networks.migrations.0005_volunteer_phone_e164")
    migration.normalize_phones(apps, None)
    volunteer.refresh_from_db()
    assert volunteer.phone == "+529625550100"


def test_purge_deletes_what_is_due_and_nothing_else(network_a, settings):
    now = timezone.now()
    old_pending = VolunteerFactory(
        network=network_a,
        confirmed_at=None,
        confirmation_sent_at=now - timedelta(days=15),
    )
    fresh_pending = VolunteerFactory(
        network=network_a,
        confirmed_at=None,
        confirmation_sent_at=now - timedelta(days=13),
    )
    long_inactive = VolunteerFactory(
        network=network_a,
        status="inactive",
        status_changed_at=now - timedelta(days=30 * 24 + 1),
    )
    long_declined = VolunteerFactory(
        network=network_a,
        status="declined",
        status_changed_at=now - timedelta(days=30 * 25),
    )
    recent_inactive = VolunteerFactory(
        network=network_a,
        status="inactive",
        status_changed_at=now - timedelta(days=30 * 23),
    )
    long_active = VolunteerFactory(
        network=network_a,
        status="active",
        status_changed_at=now - timedelta(days=30 * 36),
    )
    output = io.StringIO()
    call_command("purge_volunteers", stdout=output)
    assert "Deleted 3" in output.getvalue()
    remaining = set(Volunteer.objects.values_list("pk", flat=True))
    assert remaining == {fresh_pending.pk, recent_inactive.pk, long_active.pk}
    assert {old_pending.pk, long_inactive.pk, long_declined.pk}.isdisjoint(remaining)
    erased = ModelLogEntry.objects.filter(action="networks.erase")
    assert erased.count() == 3
    assert all(e.data == {"reason": "retention"} for e in erased)


def test_inactive_retention_is_configurable(network_a, settings):
    settings.NETWORKS_INACTIVE_RETENTION_MONTHS = 6
    VolunteerFactory(
        network=network_a,
        status="inactive",
        status_changed_at=timezone.now() - timedelta(days=30 * 7),
    )
    assert Volunteer.purge() == 1


def test_purge_dry_run_deletes_nothing(network_a):
    VolunteerFactory(
        network=network_a,
        confirmed_at=None,
        confirmation_sent_at=timezone.now() - timedelta(days=20),
    )
    output = io.StringIO()
    call_command("purge_volunteers", "--dry-run", stdout=output)
    assert "1 volunteer record(s) would be deleted" in output.getvalue()
    assert Volunteer.objects.count() == 1


def test_purge_runs_as_a_periodic_job(network_a, django_capture_on_commit_callbacks):
    VolunteerFactory(
        network=network_a,
        confirmed_at=None,
        confirmation_sent_at=timezone.now() - timedelta(days=20),
    )
    assert "purge_volunteers" in [job.name for job in periodic_jobs]
    with django_capture_on_commit_callbacks(execute=True):
        periodic_jobs.enqueue_due()
    assert not Volunteer.objects.exists()


def test_audit_log_labels_never_hold_a_name(coordinator_b, volunteers):
    volunteers["b"].add_note("Llamada", coordinator_b)
    entry = ModelLogEntry.objects.get(action="networks.note")
    assert "Bruno" not in entry.label
    assert entry.label.endswith(f"#{volunteers['b'].pk}")
