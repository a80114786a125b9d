"""Keeping entries true: the monthly signed link to confirm or propose
changes, the status link used from a phone without logging in, and the
notice to editors when entries are hidden for lack of verification."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail, signing
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from directory.factories import ContactFactory, ServiceFactory
from directory.models import STATUS_LINK, Service, WrongInformationReport
from directory.verification import notify_hidden_entries, send_verification_requests

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelter(directory_page_en):
    service = ServiceFactory(name="Albergue Belén", slug="albergue-belen")
    ContactFactory(service=service, name="Hermana Lupita", email="lupita@belen.example")
    ContactFactory(
        service=service, name="John", email="john@belen.example", language="en"
    )
    ContactFactory(service=service, name="Sin correo", email="")
    return service


def _links(message) -> list[str]:
    return [urlsplit(u).path for u in re.findall(r"https?://\S+", message.body)]


def test_monthly_email_in_each_contacts_language(
    shelter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_verification_requests() == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    spanish = by_address["lupita@belen.example"]
    assert (
        "Albergue Belén" in spanish.subject
        and "sigue siendo correcta" in spanish.subject
    )
    verify, status = _links(spanish)[:2]
    assert verify.startswith("/es/buscar-ayuda/verificar/")
    assert status.startswith("/es/buscar-ayuda/estado/")
    english = by_address["john@belen.example"]
    assert _links(english)[0].startswith("/en/find-help/verificar/")
    # Verified this month: no e-mail next time.
    shelter.mark_verified()
    mail.outbox.clear()
    assert send_verification_requests() == 0


def _verify_url(shelter):
    contact = shelter.contacts.get(email="lupita@belen.example")
    return f"/es/buscar-ayuda/verificar/?t={shelter.verification_token(contact)}"


def test_contact_confirms_the_entry(client, shelter):
    url = _verify_url(shelter)
    html = client.get(url).content.decode()
    assert "Hola, Hermana Lupita" in html
    shelter.refresh_from_db()
    assert shelter.last_verified_at is None  # GET changes nothing
    client.post(url, {"action": "confirm"})
    shelter.refresh_from_db()
    assert shelter.last_verified_at is not None
    assert shelter.verified_by_name == "Hermana Lupita"


def test_contact_proposes_changes_for_review(
    client, shelter, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _verify_url(shelter),
            {"action": "propose", "changes": "Ahora abrimos a las 7.", "website": ""},
        )
    assert "revisará" in response.content.decode()
    report = WrongInformationReport.objects.get()
    assert report.what_is_wrong == "Ahora abrimos a las 7."
    assert "lupita@belen.example" in report.contact
    assert [m.to for m in mail.outbox] == [["edith@convivir.example"]]
    shelter.refresh_from_db()
    assert shelter.last_verified_at is None


def test_empty_proposal_shows_the_error(client, shelter):
    response = client.post(
        _verify_url(shelter), {"action": "propose", "changes": "", "website": ""}
    )
    assert 'id="id_changes_error"' in response.content.decode()
    assert not WrongInformationReport.objects.exists()


def test_status_update_from_a_signed_link_without_login(client, shelter):
    url = f"/es/buscar-ayuda/estado/?t={shelter.status_token()}"
    assert "Hay lugar" in client.get(url).content.decode()
    response = client.post(url, {"status": "full", "website": ""})
    assert "actualizado" in response.content.decode()
    shelter.refresh_from_db()
    assert shelter.status == "full"
    assert shelter.status_changed_at > timezone.now() - timedelta(minutes=1)
    assert ModelLogEntry.objects.filter(
        object_id=str(shelter.pk), action="directory.status"
    ).exists()
    page = client.get("/es/buscar-ayuda/servicio/albergue-belen/").content.decode()
    assert "Lleno" in page
    response = client.post(url, {"status": "abierto", "website": ""})
    assert 'id="id_status_error"' in response.content.decode()


@pytest.mark.parametrize("kind", ["tampered", "expired", "other_salt"])
def test_bad_links_give_a_clear_page(client, shelter, kind, settings):
    token = shelter.status_token()
    if kind == "tampered":
        token = token[:-3] + "abc"
    elif kind == "other_salt":
        token = signing.dumps({"s": str(shelter.pk)}, salt="otra.cosa")
    else:
        settings.DIRECTORY_LINK_DAYS = 1
        signer = signing.TimestampSigner(salt=STATUS_LINK.salt)
        old = timezone.now() - timedelta(days=3)
        signer.timestamp = lambda: signing.b62_encode(int(old.timestamp()))
        token = signer.sign_object({"s": str(shelter.pk)})
    response = client.post(f"/es/buscar-ayuda/estado/?t={token}", {"status": "full"})
    assert response.status_code == 400
    heading = (
        "Este enlace ya venció" if kind == "expired" else "Este enlace no funciona"
    )
    assert f"<h1>{heading}</h1>" in response.content.decode()
    shelter.refresh_from_db()
    assert shelter.status == "open"


def test_editors_are_told_once_when_entries_are_hidden(
    shelter, editor, django_capture_on_commit_callbacks
):
    Service.objects.filter(pk=shelter.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_hidden_entries() == 1
        assert notify_hidden_entries() == 0
    (message,) = mail.outbox
    assert "Albergue Belén" in message.body
    # Verified after the notice, then forgotten again: a new notice.
    Service.objects.filter(pk=shelter.pk).update(
        hidden_notice_sent_at=timezone.now() - timedelta(days=400),
        last_verified_at=timezone.now() - timedelta(days=380),
    )
    assert notify_hidden_entries() == 1
