"""The pledge end to end through the public views (:mod:`campaigns.views`):
form → e-mail with a signed link → confirmation → the counter goes up; and
every way it can go wrong."""

import re
import time
from urllib.parse import urlsplit

from django.core import mail

import pytest

from campaigns.factories import PledgeFactory
from campaigns.models import Pledge
from tests.campaigns.conftest import address, make_campaign
from tests.utils import error_summary_text, page_text, translate_page

pytestmark = pytest.mark.django_db


# The confirmation link of a Spanish or an English e-mail.
CONFIRM_LINK = r"https?://\S+/(compromiso/confirmar|pledge/confirm)/\S+/"


def pledge_url(campaign):
    return address("campaigns:pledge", campaign.pk)


def confirm_path(message):
    match = re.search(
        r"https?://\S+/(compromiso/confirmar|pledge/confirm)/\S+/", message.body
    )
    assert match, message.body
    return urlsplit(match.group(0)).path


def sign(client, campaign, data, capture):
    with capture(execute=True):
        return client.post(pledge_url(campaign), data)


def test_pledge_confirm_and_count(
    client, campaign, pledge_data, django_capture_on_commit_callbacks
):
    response = sign(client, campaign, pledge_data, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"/es/campanas/{campaign.pk}/compromiso/revisa-tu-correo/"
    )
    pledge = Pledge.objects.get()
    assert pledge.email == "lucia@correo.example"
    assert pledge.name == "Lucía Pérez"
    assert pledge.confirmed_at is None and pledge.consent_at is not None
    assert pledge.campaign_key == campaign.translation_key

    sent = client.get(response["Location"]).content.decode()
    assert "Enviamos a esa dirección un correo con un enlace para confirmar" in sent

    (message,) = mail.outbox
    assert message.to == ["lucia@correo.example"]
    assert message.subject == "Confirma tu compromiso"
    assert "Hola, Lucía Pérez:" in message.body
    assert "“Aquí cabemos todas”" in message.body
    assert "7 días" in message.body
    path = confirm_path(message)
    assert path.startswith("/es/campanas/compromiso/confirmar/")

    # Opening the link shows a button; it counts nothing by itself.
    page = client.get(path)
    assert page.status_code == 200
    assert "Confirmar mi compromiso" in page.content.decode()
    assert Pledge.objects.confirmed().count() == 0

    done = client.post(path)
    assert done.status_code == 200
    assert "Hasta ahora ha firmado 1 persona" in done.content.decode()
    assert Pledge.objects.confirmed().count() == 1

    html = client.get(campaign.url).content.decode()
    assert "<strong>1</strong> persona ha firmado" in html

    again = client.post(path)
    assert again.status_code == 400
    assert "Este enlace ya se usó" in again.content.decode()


def test_pledge_in_english_counts_for_both_languages(
    client, campaign, pledge_data, english, home_en, django_capture_on_commit_callbacks
):
    translate_page(campaign.get_parent(), english, title="Campaigns", slug="campaigns")
    english_page = translate_page(
        campaign, english, title="Room for all", slug="room-for-all"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            address("campaigns:pledge", english_page.pk, language="en"),
            {**pledge_data, "is_anonymous": "on"},
        )
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.language == "en" and pledge.name == "" and pledge.is_anonymous
    (message,) = mail.outbox
    assert message.subject == "Confirm your pledge"
    assert message.body.startswith("Hello,")
    assert "Lucía" not in message.body
    path = confirm_path(message)
    assert path.startswith("/en/")
    assert "Thank you for your pledge" in client.post(path).content.decode()
    english_html = client.get("/en/campaigns/room-for-all/").content.decode()
    assert "<strong>1</strong> person has signed" in english_html
    spanish_html = client.get(campaign.url).content.decode()
    assert "<strong>1</strong> persona ha firmado" in spanish_html


def test_expired_link_gives_a_clear_page(client, campaign, monkeypatch):
    pledge = PledgeFactory(campaign=campaign, confirmed_at=None)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - 8 * 24 * 3600)
    token = pledge.confirmation_token()
    monkeypatch.setattr(time, "time", real)
    response = client.get(address("campaigns:confirm_pledge", token))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Este enlace ya venció" in html
    assert "Firma de nuevo el compromiso" in html
    assert client.post(address("campaigns:confirm_pledge", token)).status_code == 400
    assert not Pledge.objects.confirmed().exists()


@pytest.mark.parametrize(
    "token",
    ["nada", "a" * 300, "eyJwIjoxfQ:1abcde:xxxxxxxx", "%3Cscript%3E"],
)
def test_tampered_link_gives_a_clear_page(client, campaign, token):
    PledgeFactory(campaign=campaign, confirmed_at=None)
    response = client.get(address("campaigns:confirm_pledge", token))
    assert response.status_code == 400
    assert "Este enlace no funciona" in response.content.decode()


def test_a_newer_link_replaces_the_older_one(
    client, campaign, pledge_data, django_capture_on_commit_callbacks
):
    sign(client, campaign, pledge_data, django_capture_on_commit_callbacks)
    first = confirm_path(mail.outbox[0])
    response = sign(client, campaign, pledge_data, django_capture_on_commit_callbacks)
    assert response["Location"].endswith("/compromiso/revisa-tu-correo/")
    assert len(mail.outbox) == 2
    assert Pledge.objects.count() == 1
    assert client.get(first).status_code == 400
    assert client.post(confirm_path(mail.outbox[1])).status_code == 200


def test_second_pledge_of_a_confirmed_address_is_reminded_by_email(
    client, campaign, pledge_data, django_capture_on_commit_callbacks
):
    PledgeFactory(campaign=campaign, email="lucia@correo.example")
    response = sign(
        client,
        campaign,
        {**pledge_data, "email": " LUCIA@correo.example "},
        django_capture_on_commit_callbacks,
    )
    assert response["Location"].endswith("/compromiso/revisa-tu-correo/")
    assert Pledge.objects.count() == 1
    (message,) = mail.outbox
    assert message.subject == "Tu compromiso ya está contado"


def test_the_page_never_tells_whether_an_address_already_signed(
    client, campaign, pledge_data, django_capture_on_commit_callbacks
):
    """New, pending and confirmed addresses get the same answer, so the form
    cannot be used to learn who signed; only the e-mail, which reaches the
    address's owner, differs."""
    PledgeFactory(
        campaign=campaign, email="pendiente@correo.example", confirmed_at=None
    )
    PledgeFactory(campaign=campaign, email="confirmada@correo.example")
    answers = []
    for email in [
        "nueva@correo.example",
        "pendiente@correo.example",
        "confirmada@correo.example",
    ]:
        response = sign(
            client,
            campaign,
            {**pledge_data, "email": email},
            django_capture_on_commit_callbacks,
        )
        page = client.get(response["Location"])
        answers.append(
            (
                response.status_code,
                response["Location"],
                page.status_code,
                page.content.decode(),
            )
        )
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 302 and answers[0][2] == 200
    assert "Revisa tu correo" in answers[0][3]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "nueva@correo.example": "Confirma tu compromiso",
        "pendiente@correo.example": "Confirma tu compromiso",
        "confirmada@correo.example": "Tu compromiso ya está contado",
    }


def test_same_address_may_pledge_for_another_campaign(
    client, campaign, campaign_index, pledge_data, django_capture_on_commit_callbacks
):

    other = make_campaign(
        campaign_index, slug="otra", pledge_enabled=True, pledge_text="Me comprometo."
    )
    sign(client, campaign, pledge_data, django_capture_on_commit_callbacks)
    sign(client, other, pledge_data, django_capture_on_commit_callbacks)
    assert Pledge.objects.count() == 2


def test_honeypot_filled_saves_nothing(
    client, campaign, pledge_data, django_capture_on_commit_callbacks
):
    response = sign(
        client,
        campaign,
        {**pledge_data, "website": "http://spam.example"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    assert not Pledge.objects.exists()
    assert mail.outbox == []


def test_rate_limit_answers_429_with_a_clear_message(
    client, campaign, pledge_data, settings, django_capture_on_commit_callbacks
):
    settings.CAMPAIGNS_PLEDGE_RATE_LIMIT = 2
    for n in range(2):
        sign(
            client,
            campaign,
            {**pledge_data, "email": f"p{n}@correo.example"},
            django_capture_on_commit_callbacks,
        )
    response = sign(
        client,
        campaign,
        {**pledge_data, "email": "tercera@correo.example"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Demasiados intentos desde tu conexión" in html
    assert 'value="tercera@correo.example"' in html
    assert Pledge.objects.count() == 2


def test_the_name_is_optional_as_its_label_says(
    client, campaign, pledge_data, django_capture_on_commit_callbacks
):
    form = page_text(client.get(campaign.url))
    assert "Tu nombre (opcional)" in form
    response = sign(
        client,
        campaign,
        {**pledge_data, "name": "  "},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.name == "" and pledge.is_anonymous
    (message,) = mail.outbox
    assert message.body.startswith("Hola:")


def test_every_validation_error_is_shown_next_to_its_field(client, campaign):
    response = client.post(pledge_url(campaign), {"email": "no-es-correo"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary' in html
    for field, message in [
        ("email", "Escribe una dirección de correo electrónico válida."),
        ("municipality", "Este campo es obligatorio."),
        ("consent", "Solo podemos contar tu compromiso con tu consentimiento."),
    ]:
        assert re.search(
            rf'id="id_{field}_error"[^>]*>.*?{re.escape(message)}', html, re.S
        ), field
    assert error_summary_text(html).startswith(
        "Hay un problema "
        "Correo electrónico: Escribe una dirección de correo electrónico válida. "
        "Municipio donde vives: Este campo es obligatorio. "
    )
    assert not Pledge.objects.exists()


def test_errors_in_the_pages_language(client, campaign, english, home_en):
    translate_page(campaign.get_parent(), english, title="Campaigns", slug="campaigns")
    page = translate_page(campaign, english, title="Room", slug="room")
    html = client.post(
        address("campaigns:pledge", page.pk, language="en"), {}
    ).content.decode()
    assert "We can only count your pledge with your consent." in html


@pytest.mark.parametrize(
    "data",
    [
        {"name": "x" * 500, "email": "a@b.example", "municipality": "y" * 500},
        {"name": "\x00", "email": "\x00@\x00", "municipality": "\x00", "consent": "x"},
        {"email": ["a@b.example", "c@d.example"], "consent": ["on", "off"]},
    ],
)
def test_bad_input_never_errors(client, campaign, data):
    response = client.post(pledge_url(campaign), data)
    assert response.status_code in (200, 302)


def test_pledge_needs_a_live_campaign_with_pledges_on(client, campaign_index):

    without = make_campaign(campaign_index, slug="sin-compromiso")
    assert client.get(pledge_url(without)).status_code == 404
    assert client.get(address("campaigns:pledge", 999999)).status_code == 404
