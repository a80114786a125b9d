"""The seats of a date and its waiting list, "first fit in joining order":
free seats go to the earliest waiting registration whose seats fit, one that
does not fit keeps its place, and a newcomer is confirmed only when nobody
waiting fits. Every change that frees seats promotes: a cancellation, a
larger capacity or the waiting list switched off (whichever way the page is
published), and a periodic sweep. A seat the page advertises can be taken."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from convivir.periodic import periodic_jobs
from events.factories import OccurrenceFactory, RegistrationFactory
from events.models import EventPage, Occurrence, Registration
from events.tasks import promote_waiting_lists_task
from tests.events.conftest import edit_form_data, outbox

pytestmark = pytest.mark.django_db


def register(occurrence, name, seats=1):
    return Registration.register(
        occurrence.pk, name=name, email=f"{name.lower()}@x.example", seats=seats
    )


def statuses(occurrence) -> dict:
    return dict(occurrence.registrations.values_list("name", "status"))


@pytest.fixture
def small(event):
    """Two seats, both taken; Ana (one seat) and Beto (one seat) waiting."""
    occurrence = OccurrenceFactory(page=event, capacity=2)
    register(occurrence, "Primera")
    register(occurrence, "Segunda")
    register(occurrence, "Ana")
    register(occurrence, "Beto")
    outbox().clear()
    return occurrence


def test_a_waiting_head_that_does_not_fit_keeps_its_place(client, occurrence):
    RegistrationFactory(occurrence=occurrence, seats=9)
    head = register(occurrence, "Ana", seats=2)
    assert head.status == "waiting"
    # The page offers the free seat, and a one-seat registration takes it.
    html = client.get("/es/eventos/taller-de-murales/").content.decode()
    assert "1 lugar disponible" in html
    newcomer = register(occurrence, "Beto", seats=1)
    assert newcomer.status == "confirmed"
    head.refresh_from_db()
    assert head.status == "waiting" and head.waiting_place() == 1
    html = client.get("/es/eventos/taller-de-murales/").content.decode()
    assert "Lleno: lista de espera" in html


def test_freed_seats_go_to_the_first_waiting_registration_that_fits(occurrence):
    nine = RegistrationFactory(occurrence=occurrence, seats=8)
    one = RegistrationFactory(occurrence=occurrence, seats=2)
    head = register(occurrence, "Ana", seats=3)
    register(occurrence, "Beto", seats=1)
    last = register(occurrence, "Cata", seats=2)
    outbox().clear()
    promoted = one.cancel()  # two seats free: Ana's three do not fit
    assert [r.name for r in promoted] == ["Beto"]
    assert statuses(occurrence)["Ana"] == "waiting"
    assert statuses(occurrence)["Cata"] == "waiting"
    head.refresh_from_db()
    last.refresh_from_db()
    assert head.waiting_place() == 1 and last.waiting_place() == 2
    assert [m.to for m in outbox()] == [["beto@x.example"]]
    promoted = nine.cancel()  # eight more free: Ana, then Cata
    assert [r.name for r in promoted] == ["Ana", "Cata"]
    assert statuses(occurrence) == {
        nine.name: "cancelled",
        one.name: "cancelled",
        "Ana": "confirmed",
        "Beto": "confirmed",
        "Cata": "confirmed",
    }


@pytest.mark.parametrize("path", ["revision", "scheduled", "admin"])
def test_raising_the_capacity_promotes_whatever_the_publish_path(
    admin_client, small, path
):
    publish(admin_client, small, path, capacity=3)
    assert statuses(small) == {
        "Primera": "confirmed",
        "Segunda": "confirmed",
        "Ana": "confirmed",
        "Beto": "waiting",
    }
    (email,) = outbox()
    assert email.to == ["ana@x.example"]
    assert email.subject == "Tienes lugar: Taller de murales"
    assert email.attachments[0][0] == "evento.ics"


@pytest.mark.parametrize("path", ["revision", "scheduled", "admin"])
def test_switching_the_waiting_list_off_still_seats_those_waiting(
    admin_client, event, path
):
    # Left by an older rule: two seats free and two people waiting that fit.
    occurrence = OccurrenceFactory(page=event, capacity=4)
    RegistrationFactory(occurrence=occurrence, name="Primera", seats=2)
    RegistrationFactory(occurrence=occurrence, name="Ana", status="waiting")
    RegistrationFactory(occurrence=occurrence, name="Beto", status="waiting")
    publish(admin_client, occurrence, path, waiting_list=False)
    assert statuses(occurrence) == {
        "Primera": "confirmed",
        "Ana": "confirmed",
        "Beto": "confirmed",
    }


def test_a_newcomer_never_overtakes_someone_waiting_who_fits(event):
    occurrence = OccurrenceFactory(page=event, capacity=4)
    RegistrationFactory(occurrence=occurrence, name="Primera", seats=3)
    RegistrationFactory(occurrence=occurrence, name="Ana", status="waiting")
    newcomer = register(occurrence, "Nuevo")
    assert statuses(occurrence)["Ana"] == "confirmed"
    assert newcomer.status == "waiting" and newcomer.waiting_place() == 1


def test_the_periodic_sweep_promotes_and_skips_dates_that_started(event):
    upcoming = OccurrenceFactory(page=event, capacity=1)
    RegistrationFactory(occurrence=upcoming, name="Primera")
    RegistrationFactory(occurrence=upcoming, name="Ana", status="waiting")
    started_at = timezone.now() - timedelta(minutes=10)
    started = OccurrenceFactory(
        page=event, capacity=1, start=started_at, end=started_at + timedelta(hours=2)
    )
    RegistrationFactory(occurrence=started, name="Tarde", status="waiting")
    Occurrence.objects.filter(pk=upcoming.pk).update(capacity=2)

    assert promote_waiting_lists_task.call() == 1
    assert statuses(upcoming)["Ana"] == "confirmed"
    assert statuses(started)["Tarde"] == "waiting"
    job = {job.name: job for job in periodic_jobs}["promote_waiting_lists"]
    assert job.every == timedelta(minutes=15)


def test_cancelling_after_the_start_promotes_nobody(event):
    started_at = timezone.now() - timedelta(minutes=10)
    started = OccurrenceFactory(
        page=event, capacity=1, start=started_at, end=started_at + timedelta(hours=2)
    )
    first = RegistrationFactory(occurrence=started, name="Primera")
    RegistrationFactory(occurrence=started, name="Ana", status="waiting")
    assert first.cancel() == []
    assert statuses(started)["Ana"] == "waiting"


# --- Publishing a change to a date ------------------------------------------------


def publish(admin_client, occurrence, path, **changes):
    """Change the date's fields in a new revision of its page and publish it
    the way ``path`` says."""
    page = EventPage.objects.get(pk=occurrence.page_id)
    if path == "admin":
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, changes),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        return
    rows = list(page.occurrences.all())
    for row in rows:
        if row.pk == occurrence.pk:
            for name, value in changes.items():
                setattr(row, name, value)
    page.occurrences = rows
    if path == "revision":
        page.save_revision().publish()
    else:
        page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
        call_command("publish_scheduled")
