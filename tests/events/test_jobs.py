"""Reminders the day before, exactly once each, and the deletion of
registrants' personal data after the retention period: commands and
periodic jobs."""

from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from convivir.periodic import periodic_jobs
from events.factories import OccurrenceFactory, RegistrationFactory
from events.models import Registration, local_midnight, seats_summary
from tests.events.conftest import local, outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def tomorrow(event, settings):
    """A date tomorrow at 10:00 (local), inside the reminder window."""
    settings.EVENTS_REMINDER_HOURS = 48
    start = local_midnight(timezone.localdate() + timedelta(days=1)) + timedelta(
        hours=10
    )
    return OccurrenceFactory(page=event, start=start, end=start + timedelta(hours=2))


def test_reminders_go_once_to_confirmed_attendees_with_email(tomorrow, event):
    confirmed = RegistrationFactory(occurrence=tomorrow, email="ana@x.example")
    RegistrationFactory(occurrence=tomorrow, email="", phone="+52 962 000 0000")
    RegistrationFactory(occurrence=tomorrow, status="waiting", email="w@x.example")
    RegistrationFactory(occurrence=tomorrow, status="cancelled", email="c@x.example")
    RegistrationFactory(
        occurrence=tomorrow, email="en@x.example", language="en", name="Ann"
    )
    in_three_days = timezone.now() + timedelta(days=3)
    later = OccurrenceFactory(page=event, start=in_three_days)  # not yet
    RegistrationFactory(occurrence=later, email="later@x.example")

    out = StringIO()
    call_command("send_event_reminders", stdout=out)
    assert "Sent 2 reminder(s)" in out.getvalue()
    call_command("send_event_reminders", stdout=StringIO())
    assert Registration.send_reminders() == 0

    sent = {m.to[0]: m for m in outbox()}
    assert set(sent) == {"ana@x.example", "en@x.example"}
    assert sent["ana@x.example"].subject == "Mañana a las 10:00: Taller de murales"
    assert confirmed.code in sent["ana@x.example"].body
    assert "/es/eventos/cancelar/" in sent["ana@x.example"].body
    assert sent["en@x.example"].subject == "Tomorrow at 10:00: Taller de murales"
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at is not None


@pytest.mark.parametrize(
    "now,start,all_day,spanish,english",
    [
        (
            (2030, 3, 14, 8, 0),
            (2030, 3, 14, 18, 0),
            False,
            ("Hoy a las 18:00: Taller de murales", "es hoy a las 18:00"),
            ("Today at 18:00: Taller de murales", "is today at 18:00"),
        ),
        (
            (2030, 3, 13, 12, 0),
            (2030, 3, 14, 10, 0),
            False,
            ("Mañana a las 10:00: Taller de murales", "es mañana a las 10:00"),
            ("Tomorrow at 10:00: Taller de murales", "is tomorrow at 10:00"),
        ),
        (
            (2030, 3, 13, 23, 30),
            (2030, 3, 14, 0, 30),
            False,
            ("Mañana a las 00:30: Taller de murales", "es mañana a las 00:30"),
            ("Tomorrow at 00:30: Taller de murales", "is tomorrow at 00:30"),
        ),
        (
            (2030, 3, 11, 9, 0),
            (2030, 3, 14, 10, 0),
            False,
            (
                "El 14 de marzo a las 10:00: Taller de murales",
                "es el 14 de marzo a las 10:00",
            ),
            (
                "On March 14 at 10:00: Taller de murales",
                "is on March 14 at 10:00",
            ),
        ),
        (
            (2030, 3, 13, 18, 0),
            (2030, 3, 14, 0, 0),
            True,
            ("Mañana: Taller de murales", "es mañana y estás"),
            ("Tomorrow: Taller de murales", "is tomorrow and you"),
        ),
    ],
)
def test_the_reminder_says_when_in_the_registrants_language(
    event, settings, now, start, all_day, spanish, english
):
    settings.EVENTS_REMINDER_HOURS = 96
    start = local(*start)
    occurrence = OccurrenceFactory(
        page=event, start=start, end=start + timedelta(hours=2), all_day=all_day
    )
    RegistrationFactory(occurrence=occurrence, email="ana@x.example")
    RegistrationFactory(occurrence=occurrence, email="ann@x.example", language="en")
    assert Registration.send_reminders(now=local(*now)) == 2
    sent = {m.to[0]: m for m in outbox()}
    for address, (subject, text) in (
        ("ana@x.example", spanish),
        ("ann@x.example", english),
    ):
        message = sent[address]
        assert message.subject == subject
        assert text in " ".join(message.body.split())
        html = " ".join(message.alternatives[0][0].split())
        assert text in html


def test_all_day_dates_name_their_day_in_the_reminder_and_on_the_page(
    client, event, settings
):
    settings.EVENTS_REMINDER_HOURS = 48
    start = local(2030, 3, 14)
    occurrence = OccurrenceFactory(
        page=event, start=start, end=local(2030, 3, 14, 23, 59), all_day=True
    )
    RegistrationFactory(occurrence=occurrence, email="ana@x.example")
    Registration.send_reminders(now=local(2030, 3, 13, 9))
    (message,) = outbox()
    assert "Jueves 14 de marzo de 2030, todo el día" in message.body
    html = client.get("/es/eventos/taller-de-murales/").content.decode()
    assert "Jueves 14 de marzo de 2030, todo el día" in html


def test_reminder_is_not_sent_twice_when_runs_overlap(tomorrow):
    registration = RegistrationFactory(occurrence=tomorrow)
    # Another run claimed the registration after this one listed it.
    Registration.objects.filter(pk=registration.pk).update(
        reminder_sent_at=timezone.now()
    )
    with mock.patch.object(
        Registration.objects.__class__,
        "due_for_reminder",
        return_value=Registration.objects.filter(pk=registration.pk),
    ):
        assert Registration.send_reminders() == 0
    assert outbox() == []


def test_purge_clears_personal_data_and_keeps_counts(event):
    ended = timezone.now() - timedelta(days=31)
    old = OccurrenceFactory(page=event, start=ended - timedelta(hours=2), end=ended)
    recent_end = timezone.now() - timedelta(days=29)
    recent = OccurrenceFactory(
        page=event, start=recent_end - timedelta(hours=2), end=recent_end
    )
    came = RegistrationFactory(
        occurrence=old, seats=3, attended_at=ended, accessibility_needs="Rampa"
    )
    RegistrationFactory(occurrence=old, seats=1, phone="+52 962 000 0000")
    RegistrationFactory(occurrence=old, seats=2, status="cancelled")
    kept = RegistrationFactory(occurrence=recent)

    out = StringIO()
    call_command("purge_event_registrations", "--dry-run", stdout=out)
    assert "3 registration(s) would be cleared" in out.getvalue()
    call_command("purge_event_registrations", stdout=out)
    assert "Cleared the personal data of 3 registration(s)" in out.getvalue()

    came.refresh_from_db()
    assert (came.name, came.email, came.phone, came.accessibility_needs) == (
        "",
        "",
        "",
        "",
    )
    assert came.purged_at is not None and came.attended_at is not None
    assert not Registration.objects.filter(occurrence=old).exclude(name="").exists()
    assert not Registration.objects.filter(occurrence=old).exclude(email="").exists()
    assert not Registration.objects.filter(occurrence=old).exclude(phone="").exists()
    totals = seats_summary(Registration.objects.filter(occurrence=old))
    assert totals["confirmed"] == 4 and totals["attended"] == 3
    assert totals["cancelled"] == 2
    kept.refresh_from_db()
    assert kept.name and kept.email

    (entry,) = PageLogEntry.objects.filter(action="events.purge")
    assert entry.data["registrations"] == 3 and entry.data["occurrence"] == old.pk
    assert Registration.purge() == 0


def test_retention_days_are_configurable(event, settings):
    settings.EVENTS_RETENTION_DAYS = 5
    ended = timezone.now() - timedelta(days=6)
    old = OccurrenceFactory(page=event, start=ended - timedelta(hours=1), end=ended)
    RegistrationFactory(occurrence=old)
    assert Registration.purge() == 1


def test_purged_registration_links_stop_working(client, event):
    ended = timezone.now() - timedelta(days=40)
    old = OccurrenceFactory(page=event, start=ended - timedelta(hours=1), end=ended)
    registration = RegistrationFactory(occurrence=old)
    token = registration.confirmation_token()
    Registration.purge()
    assert client.get(f"/es/eventos/inscripcion/{token}/").status_code == 400


def test_jobs_are_registered_as_periodic_tasks():
    names = {job.name: job for job in periodic_jobs}
    assert names["send_event_reminders"].every == timedelta(minutes=15)
    assert names["purge_event_registrations"].every == timedelta(days=1)
    assert names["send_event_reminders"].task.func.__name__ == (
        "send_event_reminders_task"
    )


def test_periodic_tasks_run(tomorrow, event):
    from events.tasks import purge_event_registrations_task, send_event_reminders_task

    RegistrationFactory(occurrence=tomorrow)
    assert send_event_reminders_task.call() == 1
    assert purge_event_registrations_task.call() == 0
