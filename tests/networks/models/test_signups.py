"""Signing up and confirming (:mod:`networks.models.signups`): form →
confirmation e-mail → confirm → coordinators e-mailed → welcome e-mail, in
the volunteer's and each coordinator's language; one address signing up for
several networks (the newest link confirms them all, an older one only what
its e-mail named); signing up again; and sign-ups sent at the same moment
(PostgreSQL; SQLite serialises writers anyway)."""

import re
import threading
from urllib.parse import urlsplit

from django.core import mail
from django.db import connections

from wagtail.users.models import UserProfile

import pytest

from networks.factories import ProtectionNetworkFactory, VolunteerFactory
from networks.models import Volunteer
from tests.networks.conftest import address

pytestmark = pytest.mark.django_db


SIGNUP_URL = address("networks:signup")


def link_in(message, path_part):
    match = re.search(rf"https?://\S*{path_part}\S*/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


def test_sign_up_confirm_and_reach_only_the_networks_coordinators(
    client,
    signup_data,
    network_a,
    network_b,
    coordinator_a,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data)
    assert response.status_code == 302
    assert response["Location"] == "/es/voluntariado/inscripcion/revisa-tu-correo/"
    volunteer = Volunteer.objects.get()
    assert volunteer.email == "lucia@correo.example"
    assert volunteer.confirmed_at is None
    assert volunteer.privacy_notice_version == "1"
    assert volunteer.privacy_consent_at is not None
    assert volunteer.languages == ["es", "ht"]
    assert volunteer.network == network_a

    (confirmation,) = mail.outbox
    assert confirmation.to == ["lucia@correo.example"]
    assert confirmation.subject == "Confirma tu inscripción como persona voluntaria"
    assert "Red Tapachula" in confirmation.body
    assert "/es/mis-datos/" in confirmation.body
    confirm_path = link_in(confirmation, "/es/voluntariado/confirmar/")

    # Opening the link shows a button; it confirms nothing by itself.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Confirmar mi inscripción" in page.content.decode()
    assert Volunteer.objects.get().confirmed_at is None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_path)
    assert response.status_code == 200
    assert "Gracias por inscribirte" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.confirmed_at is not None
    assert volunteer.status == Volunteer.Status.NEW

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"ana@redes.example", "lucia@correo.example"}
    to_coordinator = by_recipient["ana@redes.example"]
    assert to_coordinator.subject == "Nueva persona voluntaria en Red Tapachula"
    assert f"/admin/networks_volunteer/inspect/{volunteer.pk}/" in to_coordinator.body
    # The coordinator's e-mail says who to open in the admin, and nothing
    # about them: their details stay in the admin.
    assert "Lucía Pérez" not in to_coordinator.body
    assert "+52 962 123 4567" not in to_coordinator.body
    welcome = by_recipient["lucia@correo.example"]
    assert welcome.subject == "Te damos la bienvenida a Red Tapachula"
    assert "/es/voluntariado/codigo-de-conducta/" in welcome.body
    assert "/es/mis-datos/" in welcome.body


def test_each_recipient_reads_their_own_language(
    client, signup_data, network_a, coordinator_a, django_capture_on_commit_callbacks
):

    profile = UserProfile.get_for_user(coordinator_a)
    profile.preferred_language = "en"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup", language="en"), signup_data)
    assert Volunteer.objects.get().language == "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "/en/volunteering/confirm/"))
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "lucia@correo.example": "Welcome to Red Tapachula",
        "ana@redes.example": "New volunteer for Red Tapachula",
    }


def test_spanish_coordinator_of_an_english_volunteer_reads_spanish(
    client, signup_data, network_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup", language="en"), signup_data)
        Volunteer.objects.get().confirm()
    subjects = {m.to[0]: m.subject for m in mail.outbox[1:]}
    assert subjects["ana@redes.example"] == "Nueva persona voluntaria en Red Tapachula"
    assert subjects["lucia@correo.example"] == "Welcome to Red Tapachula"


def test_signing_up_again_updates_the_pending_record_and_resends(
    client, signup_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
        client.post(
            address("networks:signup"),
            {**signup_data, "name": "Lucía P. Ramos", "municipality": "Huixtla"},
        )
    volunteer = Volunteer.objects.get()
    assert volunteer.name == "Lucía P. Ramos"
    assert volunteer.municipality == "Huixtla"
    assert len(mail.outbox) == 2
    assert all("/voluntariado/confirmar/" in m.body for m in mail.outbox)


def test_signing_up_again_when_confirmed_reveals_nothing_on_the_page(
    client, signup_data, network_a, django_capture_on_commit_callbacks
):
    VolunteerFactory(network=network_a, email="lucia@correo.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address("networks:signup"), signup_data)
    assert response["Location"] == "/es/voluntariado/inscripcion/revisa-tu-correo/"
    assert Volunteer.objects.count() == 1
    (message,) = mail.outbox
    assert message.subject == "Ya eres persona voluntaria"
    assert "/es/mis-datos/" in message.body


def confirm_path(message):
    match = re.search(r"https?://\S*/voluntariado/confirmar/\S*/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


def sign_up_for_both(client, signup_data, network_b, capture):
    with capture(execute=True):
        client.post(SIGNUP_URL, signup_data)
        client.post(
            SIGNUP_URL,
            {**signup_data, "interest": f"network-{network_b.pk}", "name": "Lucía P."},
        )


def test_a_sign_up_for_another_network_keeps_the_first(
    client, signup_data, network_a, network_b, django_capture_on_commit_callbacks
):
    sign_up_for_both(client, signup_data, network_b, django_capture_on_commit_callbacks)
    pending = Volunteer.objects.pending().order_by("network__name")
    assert [v.network for v in pending] == [network_a, network_b]
    assert {v.email for v in pending} == {"lucia@correo.example"}
    # The newest e-mail says what its link confirms.
    newest = mail.outbox[-1]
    assert "Red Tapachula" in newest.body and "Red Tenosique" in newest.body
    assert "Te inscribiste en: Red Tapachula, Red Tenosique." in newest.body
    assert "Red Tapachula, Red Tenosique" in newest.alternatives[0][0]


def test_one_link_confirms_every_pending_sign_up_of_the_address(
    client,
    signup_data,
    network_a,
    network_b,
    coordinator_a,
    coordinator_b,
    django_capture_on_commit_callbacks,
):
    sign_up_for_both(client, signup_data, network_b, django_capture_on_commit_callbacks)
    path = confirm_path(mail.outbox[-1])
    page = client.get(path).content.decode()
    assert "te inscribiste en: Red Tapachula, Red Tenosique." in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tus inscripciones están confirmadas: Red Tapachula, Red Tenosique." in html
    assert not Volunteer.objects.pending().exists()
    assert Volunteer.objects.confirmed().count() == 2
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        ("ana@redes.example", "Nueva persona voluntaria en Red Tapachula"),
        ("beto@redes.example", "Nueva persona voluntaria en Red Tenosique"),
        ("lucia@correo.example", "Te damos la bienvenida a Red Tapachula"),
        ("lucia@correo.example", "Te damos la bienvenida a Red Tenosique"),
    ]


def test_the_older_link_confirms_only_what_its_email_named(
    client, signup_data, network_a, network_b, django_capture_on_commit_callbacks
):
    sign_up_for_both(client, signup_data, network_b, django_capture_on_commit_callbacks)
    older, newer = mail.outbox
    assert "Red Tenosique" not in older.body
    assert client.post(confirm_path(older)).status_code == 200
    assert list(Volunteer.objects.confirmed().values_list("network", flat=True)) == [
        network_a.pk
    ]
    assert client.post(confirm_path(newer)).status_code == 200
    assert not Volunteer.objects.pending().exists()


def test_a_repeat_sign_up_for_the_same_network_updates_the_pending_one(
    client, signup_data, network_a, network_b, django_capture_on_commit_callbacks
):
    sign_up_for_both(client, signup_data, network_b, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, {**signup_data, "municipality": "Huixtla"})
    assert Volunteer.objects.pending().count() == 2
    assert Volunteer.objects.get(network=network_a).municipality == "Huixtla"
    assert Volunteer.objects.get(network=network_b).name == "Lucía P."


def test_a_confirmed_network_is_not_confirmed_again(
    client,
    signup_data,
    network_a,
    network_b,
    coordinator_a,
    django_capture_on_commit_callbacks,
):
    """Confirmed for one network, pending for another: the link confirms
    the pending one and tells only its coordinators."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path(mail.outbox[0]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, {**signup_data, "interest": f"network-{network_b.pk}"})
    (confirmation,) = mail.outbox
    assert "Red Tapachula" not in confirmation.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path(confirmation))
    assert "ana@redes.example" not in [m.to[0] for m in mail.outbox]
    assert Volunteer.objects.confirmed().count() == 2


def concurrent(test):
    """Needs concurrent writers, so PostgreSQL, and real transactions."""
    marks = [
        pytest.mark.postgres,
        pytest.mark.django_db(transaction=True, serialized_rollback=True),
    ]
    for mark in marks:
        test = mark(test)
    return test


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


@concurrent
def test_simultaneous_sign_ups_with_one_address_make_one_pending_record():
    network = ProtectionNetworkFactory()
    assert sign_up_at_once([network] * 6, "misma@correo.example") == []
    assert Volunteer.objects.filter(email="misma@correo.example").count() == 1


@concurrent
def test_simultaneous_sign_ups_for_two_networks_keep_one_pending_record_each():
    first, second = ProtectionNetworkFactory(), ProtectionNetworkFactory()
    errors = sign_up_at_once([first, second] * 3, "misma@correo.example")
    assert errors == []
    pending = Volunteer.objects.pending().filter(email="misma@correo.example")
    assert sorted(pending.values_list("network_id", flat=True)) == sorted(
        [first.pk, second.pk]
    )
