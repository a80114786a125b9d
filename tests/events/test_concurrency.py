"""Capacity under concurrent requests: the occurrence's row is locked for
the whole registration, so simultaneous registrations never share a seat.
Only PostgreSQL runs requests truly in parallel; SQLite serialises every
write, so the test is skipped there."""

import threading

from django.db import connection, connections

import pytest

from events.models import Registration

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 50


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite serialises all writes, so it cannot show a race; run with "
            "DATABASE_URL=postgres://… to test row locking."
        )


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
