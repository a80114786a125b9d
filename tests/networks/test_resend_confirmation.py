"""A volunteer whose confirmation e-mail did not arrive asks for it again
from the "check your e-mail" page: the link is sent again (the first one
keeps working), and the page answers the same for any address, with the
honeypot and rate limit of the other public forms."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from convivir.models import OutgoingEmail
from networks.models import Volunteer
from tests.networks.conftest import address
from tests.utils import page_text, token_in

pytestmark = pytest.mark.django_db

RESEND_URL = address("networks:resend_confirmation")
SENT_URL = address("networks:signup_sent")
CONFIRM_PREFIX = "/es/voluntariado/confirmar/"


@pytest.fixture
def signed_up(client, signup_data, django_capture_on_commit_callbacks):
    """A sign-up whose first e-mail went out ten minutes ago."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
    Volunteer.objects.update(
        confirmation_sent_at=timezone.now() - timedelta(minutes=10)
    )
    (first,) = mail.outbox
    mail.outbox.clear()
    return first


def ask_again(client, capture, email="lucia@correo.example", **extra):
    with capture(execute=True):
        return client.post(RESEND_URL, {"email": email, "website": "", **extra})


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "es",
            ["¿No te llegó el correo?", "15 minutos", "Enviarme el enlace otra vez"],
        ),
        ("en", ["get the e-mail?", "within 15 minutes", "Send me the link again"]),
    ],
)
def test_the_check_your_email_page_offers_to_ask_again(client, language, words):
    response = client.get(address("networks:signup_sent", language=language))
    html = response.content.decode()
    text = page_text(html)
    assert response.status_code == 200
    for word in words:
        assert word in text
    resend = address("networks:resend_confirmation", language=language)
    assert f'action="{resend}"' in html
    assert 'name="website"' in html  # the honeypot
    assert "csrfmiddlewaretoken" in html


def test_asking_again_sends_a_link_that_confirms(
    client, signed_up, django_capture_on_commit_callbacks
):
    response = ask_again(
        client, django_capture_on_commit_callbacks, email=" LUCIA@correo.example "
    )
    assert response.status_code == 302
    assert response["Location"] == SENT_URL + "?again=1"
    page = page_text(client.get(response["Location"]))
    assert "le enviamos el enlace otra vez" in page
    (message,) = mail.outbox
    assert message.to == ["lucia@correo.example"]
    assert message.subject == signed_up.subject
    assert "Red Tapachula" in message.body
    new_token = token_in(message.body, CONFIRM_PREFIX)
    old_token = token_in(signed_up.body, CONFIRM_PREFIX)
    # The first e-mail, should it arrive late, still works too.
    assert client.get(address("networks:confirm", old_token)).status_code == 200
    assert client.post(address("networks:confirm", new_token)).status_code == 200
    assert Volunteer.objects.get().confirmed_at is not None


def test_the_sign_up_is_kept_as_long_as_the_new_link_works(
    client, signed_up, settings, django_capture_on_commit_callbacks
):
    settings.NETWORKS_UNCONFIRMED_RETENTION_DAYS = 14
    Volunteer.objects.update(confirmation_sent_at=timezone.now() - timedelta(days=13))
    ask_again(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    in_six_days = timezone.now() + timedelta(days=6)
    assert not Volunteer.objects.due_for_purge(in_six_days).exists()


@pytest.mark.parametrize("who", ["unknown", "confirmed"])
def test_any_other_address_gets_the_same_answer_and_no_email(
    client, signed_up, who, django_capture_on_commit_callbacks
):
    if who == "confirmed":
        Volunteer.objects.update(confirmed_at=timezone.now())
        email = "lucia@correo.example"
    else:
        email = "nadie@correo.example"
    before = OutgoingEmail.objects.count()
    response = ask_again(client, django_capture_on_commit_callbacks, email=email)
    assert response.status_code == 302
    assert response["Location"] == SENT_URL + "?again=1"
    assert OutgoingEmail.objects.count() == before
    assert mail.outbox == []


def test_not_sent_again_while_the_first_is_still_on_its_way(
    client, signed_up, django_capture_on_commit_callbacks
):
    Volunteer.objects.update(confirmation_sent_at=timezone.now())
    response = ask_again(client, django_capture_on_commit_callbacks)
    assert response["Location"] == SENT_URL + "?again=1"
    assert mail.outbox == []


def test_honeypot_answers_the_same_and_sends_nothing(
    client, signed_up, django_capture_on_commit_callbacks
):
    response = ask_again(
        client, django_capture_on_commit_callbacks, website="http://spam.example"
    )
    assert response["Location"] == SENT_URL + "?again=1"
    assert mail.outbox == []


def test_a_bad_address_is_shown_next_to_the_field(client):
    response = client.post(RESEND_URL, {"email": "lucia@", "website": ""})
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()


def test_rate_limit_stops_a_flood(client, django_capture_on_commit_callbacks):
    for _ in range(5):
        ask_again(client, django_capture_on_commit_callbacks, email="x@y.example")
    response = ask_again(client, django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert "Demasiados intentos desde tu conexión" in response.content.decode()


def test_the_form_has_its_own_page(client):
    response = client.get(RESEND_URL)
    assert response.status_code == 200
    assert "Volver a enviar el enlace de confirmación" in page_text(response)


def test_the_page_with_the_form_is_never_cached(client):
    # It holds a CSRF token: a shared cache must not hand it to someone else.
    response = client.get(SENT_URL)
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
