"""One address may sign up for several networks before confirming: each
sign-up is kept, and the newest confirmation link confirms all of them,
saying which; an older link confirms only what its e-mail named."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest

from networks.models import Volunteer
from tests.networks.conftest import address

pytestmark = pytest.mark.django_db

SIGNUP_URL = address("networks:signup")


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
