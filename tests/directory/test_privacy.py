"""What the directory holds under an e-mail address: the contact left on a
report of wrong information. Deleting it clears the contact; the report
stays, so that editors can still correct the entry. Editors' e-mails never
carry the contact, so no copy of it stays in their mailboxes."""

from django.core import mail

import pytest

from convivir.privacy import personal_data
from directory.factories import ServiceFactory
from directory.models import WrongInformationReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(directory_page):
    return ServiceFactory(name="Comedor San José", slug="comedor-san-jose")


@pytest.fixture
def url(directory_page, service):
    """Where the service page's form posts a report."""
    return directory_page.route_url("report", slug=service.slug)


def report(service, contact):
    return WrongInformationReport.objects.create(
        service=service, what_is_wrong="Ya no abren los domingos.", contact=contact
    )


def test_reports_are_found_by_the_address_in_their_contact(service):
    mine = report(service, "Lucía <Lucia@Correo.example>, 962 111 2222")
    report(service, "xlucia@correo.example")
    report(service, "lucia@correo.example.mx")
    report(service, "962 111 2222")
    (record,) = personal_data["directory"].export("lucia@correo.example")
    assert record["contact"] == mine.contact
    assert record["service"] == "Comedor San José"


def test_erasing_clears_the_contact_and_keeps_the_report(service):
    mine = report(service, "lucia@correo.example")
    other = report(service, "otra@correo.example")
    assert personal_data["directory"].erase("lucia@correo.example") == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.contact == "" and mine.what_is_wrong == "Ya no abren los domingos."
    assert other.contact == "otra@correo.example"


def test_the_editors_email_does_not_carry_the_contact(
    client, service, url, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "what_is_wrong": "Ya no abren los domingos.",
                "contact": "lucia@correo.example",
                "website": "",
            },
        )
    (message,) = mail.outbox
    assert "Ya no abren los domingos." in message.body
    assert "lucia@correo.example" not in message.body
    assert "lucia@correo.example" not in message.alternatives[0][0]
    assert "La persona dejó un contacto para responderle" in message.body
