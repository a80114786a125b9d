"""Capacity under concurrent requests: the occurrence's row is locked for
the whole registration, so simultaneous registrations never share a seat.
Only PostgreSQL runs requests truly in parallel; SQLite serialises every
write, so the test is skipped there."""

import threading

from django.db import connections

import pytest

from events.models import EventPage, Registration

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 50


def test_fifty_people_registering_at_once_for_ten_seats(occurrence):
    barrier = threading.Barrier(THREADS)
    errors = []

    def register(n):
        try:
            barrier.wait()
            Registration.register(
                occurrence.pk, name=f"Persona {n}", email=f"p{n}@correo.example"
            )
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    registrations = Registration.objects.filter(occurrence=occurrence)
    assert registrations.filter(status="confirmed").count() == 10
    assert registrations.filter(status="waiting").count() == 40
    places = sorted(r.waiting_place() for r in registrations.filter(status="waiting"))
    assert places == list(range(1, 41))


def test_cancellations_newcomers_and_a_larger_capacity_at_once(occurrence):
    """Whatever the order the database runs them in, the end state keeps
    the rule: seats never exceed the capacity, and nobody waiting fits in
    the seats left."""
    for n in range(10):
        Registration.register(occurrence.pk, name=f"C{n}", email=f"c{n}@x.example")
    for n in range(10):
        Registration.register(
            occurrence.pk, name=f"W{n}", email=f"w{n}@x.example", seats=1 + n % 2
        )
    to_cancel = list(
        Registration.objects.filter(occurrence=occurrence, status="confirmed")[:5]
    )
    errors = []

    def cancel(registration):
        registration.cancel()

    def newcomer(n):
        Registration.register(
            occurrence.pk, name=f"N{n}", email=f"n{n}@x.example", seats=1 + n % 3
        )

    def raise_capacity():
        page = EventPage.objects.get(pk=occurrence.page_id)
        rows = list(page.occurrences.all())
        for row in rows:
            row.capacity = 14
        page.occurrences = rows
        page.save_revision().publish()

    jobs = [(cancel, (r,)) for r in to_cancel]
    jobs += [(newcomer, (n,)) for n in range(10)]
    jobs += [(raise_capacity, ())]
    barrier = threading.Barrier(len(jobs))

    def run(function, args):
        try:
            barrier.wait()
            function(*args)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    occurrence.refresh_from_db()
    assert occurrence.capacity == 14
    registrations = Registration.objects.filter(occurrence=occurrence)
    taken = sum(r.seats for r in registrations.filter(status="confirmed"))
    assert taken <= 14
    waiting = list(registrations.filter(status="waiting"))
    assert all(r.seats > 14 - taken for r in waiting)
    places = sorted(r.waiting_place() for r in waiting)
    assert places == list(range(1, len(waiting) + 1))
    assert registrations.count() == 30
