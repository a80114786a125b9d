"""Sign-ups sent at the same moment with one address: one pending record,
whatever the timing (PostgreSQL; SQLite serialises writers anyway)."""

import threading

from django.db import connection, connections

import pytest

from networks.factories import ProtectionNetworkFactory
from networks.models import Volunteer

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent writers: PostgreSQL only",
    ),
]


def test_simultaneous_sign_ups_with_one_address_make_one_pending_record():
    network = ProtectionNetworkFactory()
    start = threading.Barrier(6)
    errors = []

    def sign_up(n):
        try:
            start.wait()
            Volunteer.sign_up(
                language="es",
                email="misma@correo.example",
                name=f"Persona {n}",
                network=network,
                municipality="Tapachula",
                is_adult=True,
            )
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Volunteer.objects.filter(email="misma@correo.example").count() == 1
