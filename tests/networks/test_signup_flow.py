"""The whole sign-up: form → confirmation e-mail → confirm → coordinators
e-mailed → welcome e-mail, in the volunteer's and each coordinator's
language."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest

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
    from wagtail.users.models import UserProfile

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


def test_the_volunteers_phone_is_stored_in_one_format(client, signup_data):
    response = client.post(SIGNUP_URL, {**signup_data, "phone": "962-123-4567"})
    assert response.status_code == 302
    assert Volunteer.objects.get().phone == "+529621234567"


def test_stored_phones_are_normalised_by_the_migration(network_a):
    from importlib import import_module

    from django.apps import apps

    from networks.factories import VolunteerFactory

    volunteer = VolunteerFactory(network=network_a, phone="962 555 0100")
    migration = import_module("networks.migrations.0005_volunteer_phone_e164")
    migration.normalize_phones(apps, None)
    volunteer.refresh_from_db()
    assert volunteer.phone == "+529625550100"
