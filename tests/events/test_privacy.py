"""What the events app holds under an e-mail address, and what deleting it
means: registrations for dates still to come are cancelled (their seats go
to the waiting list), and every registration's personal data is cleared,
keeping the seats and attendance for the counts."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from convivir.privacy import personal_data
from events.factories import OccurrenceFactory, RegistrationFactory
from events.models import Registration
from tests.events.conftest import outbox

pytestmark = pytest.mark.django_db

EMAIL = "lucia@correo.example"


@pytest.fixture
def full_occurrence(occurrence):
    occurrence.capacity = 2
    occurrence.save()
    return occurrence


def test_registrations_are_listed_under_their_address(full_occurrence):
    mine = RegistrationFactory(
        occurrence=full_occurrence, email=EMAIL, accessibility_needs="Rampa"
    )
    RegistrationFactory(occurrence=full_occurrence, email="otra@correo.example")
    (record,) = personal_data["events"].export(" Lucia@Correo.example ")
    assert record["code"] == mine.code
    assert record["event"] == "Taller de murales"
    assert record["accessibility_needs"] == "Rampa"


def test_erasing_cancels_upcoming_registrations_and_promotes_the_waiting_list(
    full_occurrence,
):
    mine = RegistrationFactory(occurrence=full_occurrence, email=EMAIL, seats=2)
    waiting = RegistrationFactory(
        occurrence=full_occurrence,
        email="otra@correo.example",
        status=Registration.Status.WAITING,
    )
    assert personal_data["events"].erase(EMAIL) == 1
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    assert (mine.name, mine.email, mine.phone) == ("", "", "")
    assert mine.seats == 2 and mine.purged_at is not None
    assert waiting.status == Registration.Status.CONFIRMED
    assert [m.to for m in outbox()] == [["otra@correo.example"]]
    entry = ModelLogEntry.objects.get(action="events.self_erase")
    assert mine.code in entry.label


def test_erasing_clears_past_registrations_without_cancelling_them(event):
    start = timezone.now() - timedelta(days=2)
    past = OccurrenceFactory(page=event, start=start, end=start + timedelta(hours=2))
    attended = RegistrationFactory(
        occurrence=past,
        email=EMAIL,
        phone="+52 962 333 4444",
        accessibility_needs="Rampa",
        attended_at=start,
    )
    assert personal_data["events"].erase(EMAIL) == 1
    attended.refresh_from_db()
    assert attended.status == Registration.Status.CONFIRMED
    assert attended.attended_at is not None
    assert (attended.email, attended.phone, attended.accessibility_needs) == (
        "",
        "",
        "",
    )
    assert personal_data["events"].export(EMAIL) == []
