"""Sign-ups sent at the same moment with one address: one pending record per
network, whatever the timing (PostgreSQL; SQLite serialises writers anyway)."""

import threading

from django.db import connections

import pytest

from networks.factories import ProtectionNetworkFactory
from networks.models import Volunteer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_up_at_once(networks: list, email: str) -> list:
    """Sign up with ``email`` once for each of ``networks``, all threads
    released together; returns the errors raised."""
    start = threading.Barrier(len(networks))
    errors = []

    def sign_up(n, network):
        try:
            start.wait()
            Volunteer.sign_up(
                language="es",
                email=email,
                name=f"Persona {n}",
                network=network,
                municipality="Tapachula",
                is_adult=True,
            )
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=sign_up, args=(n, network))
        for n, network in enumerate(networks)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_simultaneous_sign_ups_with_one_address_make_one_pending_record():
    network = ProtectionNetworkFactory()
    assert sign_up_at_once([network] * 6, "misma@correo.example") == []
    assert Volunteer.objects.filter(email="misma@correo.example").count() == 1


def test_simultaneous_sign_ups_for_two_networks_keep_one_pending_record_each():
    first, second = ProtectionNetworkFactory(), ProtectionNetworkFactory()
    errors = sign_up_at_once([first, second] * 3, "misma@correo.example")
    assert errors == []
    pending = Volunteer.objects.pending().filter(email="misma@correo.example")
    assert sorted(pending.values_list("network_id", flat=True)) == sorted(
        [first.pk, second.pk]
    )
