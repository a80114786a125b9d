"""What the networks app holds under an address (:mod:`networks.privacy`):
the volunteer sees, downloads and deletes their own data through the site's
signed "my data" link; exports and deletions are audit-logged; logs carry no
phone or free text; coordinators' e-mails carry no volunteer's details; old
self-service links keep working."""

import base64
import json
import logging
from urllib.parse import urlsplit

from django.core import mail, signing

from wagtail.models import ModelLogEntry

import pytest

from convivir.models import OutgoingEmail
from convivir.notifications import send_notification
from convivir.privacy.links import data_link_token
from networks.factories import VolunteerFactory, VolunteerNoteFactory
from networks.models import OLD_DATA_LINK, Volunteer
from tests.networks.conftest import address

pytestmark = pytest.mark.django_db


def data_url(email, view="privacy:my_data"):
    return address(view, data_link_token(email))


@pytest.fixture
def lucia(network_a, network_b):
    first = VolunteerFactory(
        network=network_a,
        email="lucia@correo.example",
        name="Lucía",
        phone="+52 962 111 2222",
        motivation="Acompañar a familias.",
    )
    second = VolunteerFactory(
        network=network_b, email="lucia@correo.example", name="Lucía"
    )
    VolunteerNoteFactory(volunteer=first, text="Llamada: disponible en enero.")
    return [first, second]


@pytest.fixture
def someone_else(network_a):
    return VolunteerFactory(network=network_a, email="otro@correo.example", name="Otro")


def test_my_data_page_shows_the_persons_data_only(client, lucia, someone_else):
    html = client.get(data_url("lucia@correo.example")).content.decode()
    assert "Red Tapachula" in html and "Red Tenosique" in html
    assert "+52 962 111 2222" in html
    assert "Llamada: disponible en enero." in html
    assert "otro@correo.example" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_download_contains_exactly_the_persons_data(client, lucia, someone_else):
    response = client.get(data_url("lucia@correo.example", "privacy:download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "lucia@correo.example"
    signups = data["data"]["networks"]["records"]
    assert [s["network"] for s in signups] == ["Red Tapachula", "Red Tenosique"]
    first = signups[0]
    assert first["phone"] == "+52 962 111 2222"
    assert first["motivation"] == "Acompañar a familias."
    assert first["notes"][0]["text"] == "Llamada: disponible en enero."
    assert first["privacy_notice_version"] == "1"
    assert "otro@correo.example" not in response.content.decode()
    assert ModelLogEntry.objects.filter(action="networks.self_export").count() == 2


def test_delete_removes_the_persons_data_and_logs_it(client, lucia, someone_else):
    response = client.post(
        data_url("lucia@correo.example", "privacy:delete"), {"confirm": "on"}
    )
    assert response.status_code == 302
    assert not Volunteer.objects.filter(email="lucia@correo.example").exists()
    assert Volunteer.objects.filter(pk=someone_else.pk).exists()
    entries = ModelLogEntry.objects.filter(action="networks.erase")
    assert entries.count() == 2
    assert all(e.data == {"reason": "self_service"} for e in entries)
    assert not ModelLogEntry.objects.filter(label__icontains="Lucía").exists()
    page = client.get(response["Location"])
    assert "Tus datos fueron borrados" in page.content.decode()


def test_delete_also_removes_the_emails_written_to_the_person(
    client, lucia, someone_else, django_capture_on_commit_callbacks
):
    for to in ["Lucia@Correo.example", "otro@correo.example"]:
        with django_capture_on_commit_callbacks(execute=True):
            send_notification(to=to, template="convivir/email/test_message", context={})
    client.post(data_url("lucia@correo.example", "privacy:delete"), {"confirm": "on"})
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "otro@correo.example"
    ]


def test_the_data_link_does_not_carry_the_address(lucia):
    token = data_link_token("lucia@correo.example")
    payload = base64.urlsafe_b64decode(token.split(":")[0] + "==")
    assert b"lucia" not in payload.lower()
    assert "lucia" not in token.lower()


def test_the_data_link_of_deleted_data_says_so(client, lucia):
    url = data_url("lucia@correo.example")
    client.post(f"{url}borrar/", {"confirm": "on"})
    response = client.get(url)
    assert response.status_code == 400
    assert "Los datos a los que llevaba este enlace ya fueron borrados." in (
        response.content.decode()
    )


def test_delete_needs_the_confirmation_box(client, lucia):
    response = client.post(data_url("lucia@correo.example", "privacy:delete"), {})
    assert response.status_code == 400
    assert "Marca la casilla para confirmar." in response.content.decode()
    assert Volunteer.objects.filter(email="lucia@correo.example").count() == 2


@pytest.mark.parametrize("view", ["privacy:my_data", "privacy:download"])
def test_a_forged_data_link_shows_nothing(client, lucia, view):
    response = client.get(address(view, "lucia@correo.example"))
    assert response.status_code == 400
    assert "+52 962" not in response.content.decode()


def test_a_forged_data_link_deletes_nothing(client, lucia):
    client.post(address("privacy:delete", "abc:def"), {"confirm": "on"})
    assert Volunteer.objects.count() == 2


def test_asking_for_a_link_reveals_nothing_and_mails_only_known_addresses(
    client, lucia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            address("privacy:request_link"), {"email": "lucia@correo.example"}
        )
        unknown = client.post(
            address("privacy:request_link"), {"email": "nadie@correo.example"}
        )
    assert known["Location"] == unknown["Location"]
    (message,) = mail.outbox
    assert message.to == ["lucia@correo.example"]
    assert "/es/mis-datos/" in message.body


def test_every_email_to_a_volunteer_has_the_self_service_link(
    client, signup_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
        Volunteer.objects.get().confirm()
    to_volunteer = [m for m in mail.outbox if m.to == ["lucia@correo.example"]]
    assert len(to_volunteer) == 2
    for message in to_volunteer:
        assert "/es/mis-datos/" in message.body
        html = message.alternatives[0][0]
        assert "/es/mis-datos/" in html
        link = next(w for w in message.body.split() if "/es/mis-datos/" in w)
        page = client.get(urlsplit(link).path)
        assert page.status_code == 200
        assert "Inscripciones al voluntariado" in page.content.decode()


def test_logs_never_hold_phone_numbers_or_free_text(
    client, signup_data, caplog, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.convivir.test_notifications.FailingBackend"
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
        Volunteer.objects.get().confirm()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "+52 962 123 4567" not in logged
    assert "Mi familia también migró" not in logged
    assert "lucia@correo.example" not in logged.lower()


def test_the_old_self_service_addresses_lead_to_the_new_one(client, lucia):
    """Links in e-mails sent before the self-service moved to the core keep
    working until they expire."""
    assert client.get("/es/voluntariado/mis-datos/")["Location"] == "/es/mis-datos/"
    old = signing.dumps({"v": [v.pk for v in lucia]}, salt=OLD_DATA_LINK.salt)
    response = client.get(f"/es/voluntariado/mis-datos/{old}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/mis-datos/")
    page = client.get(response["Location"])
    assert "Red Tenosique" in page.content.decode()
    download = client.get(f"/es/voluntariado/mis-datos/{old}/descargar/")
    assert download["Location"].endswith("/descargar/")
    forged = client.get("/es/voluntariado/mis-datos/abc:def/")
    assert forged.status_code == 400


def test_the_coordinators_email_carries_none_of_the_volunteers_details(
    client, signup_data, network_a, coordinator_a, django_capture_on_commit_callbacks
):
    """What is stored and sent to a coordinator's mailbox stays there when
    the volunteer deletes their data: it must hold nothing about them."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
        Volunteer.objects.get().confirm()
    volunteer = Volunteer.objects.get()
    stored = OutgoingEmail.objects.get(to="ana@redes.example")
    assert stored.subject == "Nueva persona voluntaria en Red Tapachula"
    for part in [stored.subject, stored.body_text, stored.body_html]:
        assert "Lucía" not in part and "Pérez" not in part
        assert "lucia@correo.example" not in part.lower()
        assert "962 123 4567" not in part
        assert "Mi familia también migró" not in part
    assert f"/admin/networks_volunteer/inspect/{volunteer.pk}/" in stored.body_text
