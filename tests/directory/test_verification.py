"""Keeping entries true: the monthly e-mail to each service's contacts, in
their language, with the signed links to confirm the entry or propose
changes and to set today's status (the pages they open are in
test_views), and the notice to editors when entries are hidden for lack of
verification."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.utils import timezone

import pytest

from directory.factories import ContactFactory, ServiceFactory
from directory.models import STATUS_LINK, VERIFY_LINK, Service
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


def _tokens(message) -> list[str]:
    return [
        parse_qs(urlsplit(u).query).get("t", [""])[0]
        for u in re.findall(r"https?://\S+", message.body)
    ]


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
    assert verify == "/es/buscar-ayuda/verificar/"
    assert status == "/es/buscar-ayuda/estado/"
    verify_token, status_token = _tokens(spanish)[:2]
    service, payload = Service.from_token(verify_token, VERIFY_LINK)
    assert service == shelter
    assert payload["c"] == str(shelter.contacts.get(name="Hermana Lupita").pk)
    assert Service.from_token(status_token, STATUS_LINK)[0] == shelter
    english = by_address["john@belen.example"]
    assert _links(english)[:2] == ["/en/find-help/verify/", "/en/find-help/status/"]
    assert "Is the information about Albergue Belén still correct?" in english.subject
    # Verified this month: no e-mail next time.
    shelter.mark_verified()
    mail.outbox.clear()
    assert send_verification_requests() == 0


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
