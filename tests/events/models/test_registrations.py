"""Registrations on the model (every entry point goes through it): seats
and the waiting list, duplicates by e-mail and by phone however typed,
reminders exactly once, and the deletion of registrants' personal data
after the retention period (also through the commands)."""

from datetime import timedelta
from importlib import import_module
from io import StringIO
from unittest import mock

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from events.factories import OccurrenceFactory, RegistrationFactory
from events.models import Registration, RegistrationError, seats_summary
from tests.events.conftest import local, outbox

pytestmark = pytest.mark.django_db


def test_cancel_promotes_the_waiting_list_in_order_and_emails_them(occurrence):
    taken = RegistrationFactory(occurrence=occurrence, seats=4)
    RegistrationFactory(occurrence=occurrence, seats=6)
    first = Registration.register(occurrence.pk, name="A", email="a@x.example", seats=3)
    second = Registration.register(
        occurrence.pk, name="B", email="b@x.example", seats=1
    )
    third = Registration.register(occurrence.pk, name="C", email="c@x.example", seats=2)
    outbox().clear()
    promoted = taken.cancel()
    assert [r.pk for r in promoted] == [first.pk, second.pk]
    statuses = {
        r.name: r.status
        for r in Registration.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    }
    assert statuses == {"A": "confirmed", "B": "confirmed", "C": "waiting"}
    assert sorted(m.to[0] for m in outbox()) == ["a@x.example", "b@x.example"]
    assert outbox()[0].subject == "Tienes lugar: Taller de murales"
    assert outbox()[0].attachments[0][0] == "evento.ics"
    third.refresh_from_db()
    assert third.waiting_place() == 1


def test_capacity_is_never_exceeded(occurrence):
    for n in range(12):
        Registration.register(occurrence.pk, name=f"P{n}", email=f"p{n}@x.example")
    assert occurrence.registrations.filter(status="confirmed").count() == 10
    assert occurrence.registrations.filter(status="waiting").count() == 2


def test_model_refuses_what_the_form_would(occurrence):
    with pytest.raises(RegistrationError) as error:
        Registration.register(occurrence.pk, name="A", seats=9)
    assert error.value.reason == "too_many_seats"
    Registration.register(occurrence.pk, name="A", email="a@x.example")
    with pytest.raises(RegistrationError) as error:
        Registration.register(occurrence.pk, name="A", email=" A@X.example ")
    assert error.value.reason == "duplicate" and error.value.existing is not None


def test_model_refuses_a_phone_already_registered_in_another_format(occurrence):
    Registration.register(occurrence.pk, name="A", phone="+52 962 555 0101")
    with pytest.raises(RegistrationError) as error:
        Registration.register(occurrence.pk, name="B", phone="(962) 555-0101")
    assert error.value.reason == "duplicate" and error.value.field == "phone"
    # Another date, or a cancelled registration, is no duplicate.
    Registration.register(
        OccurrenceFactory(page=occurrence.page).pk, name="A", phone="9625550101"
    )
    Registration.objects.get(occurrence=occurrence).cancel()
    Registration.register(occurrence.pk, name="A", phone="962.555.0101")


def test_stored_phones_are_normalised_by_the_migration(occurrence):
    typed = RegistrationFactory(occurrence=occurrence, phone="962-555-0101")
    odd = RegistrationFactory(occurrence=occurrence, phone="pregunte en el albergue")
    empty = RegistrationFactory(occurrence=occurrence, phone="")
    migration = import_module("events.migrations.0003_registration_phone_e164")
    migration.normalize_phones(apps, None)
    for registration in (typed, odd, empty):
        registration.refresh_from_db()
    assert typed.phone == "+529625550101"
    assert odd.phone == "pregunte en el albergue"
    assert empty.phone == ""


# --- Reminders --------------------------------------------------------------------


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


# --- Retention --------------------------------------------------------------------


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
