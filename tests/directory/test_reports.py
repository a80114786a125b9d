"""Report wrong information: stored, editors e-mailed in their language,
listed in the admin; honeypot, rate limit, errors next to the field."""

from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse

import pytest

from directory.factories import EditorFactory, ServiceFactory
from directory.models import WrongInformationReport
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(directory_page):
    return ServiceFactory(name="Comedor San José", slug="comedor-san-jose")


@pytest.fixture
def url(directory_page, service):
    """Where the service page's form posts a report."""
    return directory_page.route_url("report", slug=service.slug)


def test_report_is_stored_and_editors_are_emailed(
    client, service, url, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"what_is_wrong": "Ya no abren los domingos.", "website": ""},
        )
    assert response.status_code == 302
    assert response["Location"] == (
        "/es/buscar-ayuda/servicio/comedor-san-jose/?reportado=1#report"
    )
    report = WrongInformationReport.objects.get()
    assert report.service == service and report.language == "es"
    (message,) = mail.outbox
    assert message.to == ["edith@convivir.example"]
    assert "Comedor San José" in message.subject
    assert "Ya no abren los domingos." in message.body
    admin_link = next(w for w in message.body.split() if "/admin/" in w)
    assert urlsplit(admin_link).path == reverse(
        "wagtailsnippets_directory_wronginformationreport:edit", args=[report.pk]
    )
    html = client.get(response["Location"]).content.decode()
    assert "Gracias" in html


def test_editors_see_open_reports_in_the_admin(client, service, editor):
    WrongInformationReport.objects.create(service=service, what_is_wrong="Cerrado")
    client.force_login(editor)
    html = client.get(
        reverse("wagtailsnippets_directory_wronginformationreport:list")
    ).content.decode()
    assert "Comedor San José" in html and "Cerrado" in html


def test_empty_report_shows_the_error_next_to_the_field(client, url):
    response = client.post(url, {"what_is_wrong": " ", "website": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_what_is_wrong_error"' in html
    assert "error-summary" in html
    assert not WrongInformationReport.objects.exists()


def test_honeypot_saves_nothing_but_looks_the_same(
    client, service, url, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"what_is_wrong": "Spam spam spam", "website": "http://spam.example"}
        )
    assert response.status_code == 302
    assert not WrongInformationReport.objects.exists() and not mail.outbox


def test_rate_limit_answers_429_with_a_message(client, url, settings):
    settings.DIRECTORY_REPORT_RATE_LIMIT = 2
    for _ in range(2):
        client.post(url, {"what_is_wrong": "Cambió el teléfono.", "website": ""})
    response = client.post(url, {"what_is_wrong": "Cambió el teléfono.", "website": ""})
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()
    assert WrongInformationReport.objects.count() == 2


def test_editor_in_english_gets_english_email(
    client, service, url, django_capture_on_commit_callbacks
):
    EditorFactory(email="ed@convivir.example", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"what_is_wrong": "Ya cerró.", "website": ""})
    assert mail.outbox[0].subject.startswith("Report of wrong information")


def test_unknown_service_is_404(client, directory_page):
    response = client.post(
        directory_page.route_url("report", slug="nada"), {"what_is_wrong": "x"}
    )
    assert response.status_code == 404


def test_a_report_from_the_english_page_goes_back_to_it(
    client, directory_page_en, service
):
    url = directory_page_en.route_url("report", slug=service.slug)
    assert url == "/en/find-help/service/comedor-san-jose/report/"
    response = client.post(url, {"what_is_wrong": "Closed on Sundays.", "website": ""})
    assert response["Location"] == (
        "/en/find-help/service/comedor-san-jose/?reportado=1#report"
    )
    assert WrongInformationReport.objects.get().language == "en"
    assert client.get(url)["Location"] == "/en/find-help/service/comedor-san-jose/"


def test_the_contact_field_says_optional_once(client, directory_page_en, service):
    spanish = page_text(client.get("/es/buscar-ayuda/servicio/comedor-san-jose/"))
    assert "Contacto (opcional) Un teléfono" in spanish
    assert "(opcional) (opcional)" not in spanish
    english = page_text(client.get("/en/find-help/service/comedor-san-jose/"))
    assert "Contact (optional) A phone" in english
    assert "(optional) (optional)" not in english
