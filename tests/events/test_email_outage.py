"""Registering while the mail server is down: the person gets their
confirmation page at once, and the e-mail is kept to be tried again; the
page tells them how to ask for it again if it never arrives."""

import pytest

from convivir.models import OutgoingEmail
from events.models import Registration
from tests.events.conftest import outbox
from tests.events.test_views import post
from tests.mail_backends import OUTAGES
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("backend", OUTAGES)
def test_registration_answers_and_keeps_the_email_while_the_server_is_down(
    client,
    occurrence,
    registration_data,
    settings,
    backend,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = backend
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, occurrence, registration_data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert registration.code in page.content.decode()
    email = OutgoingEmail.objects.get(to="lucia@correo.example")
    assert email.status == OutgoingEmail.Status.RETRYING
    assert email.attempts == 1


def test_the_confirmation_page_offers_to_send_the_email_again(
    client, occurrence, registration_data, django_capture_on_commit_callbacks
):
    response = post(client, occurrence, registration_data)
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "¿No te llegó nuestro correo?" in page_text(html)
    assert "15 minutos" in page_text(html)
    resend = f"/es/eventos/{occurrence.pk}/reenviar/"
    assert f'action="{resend}"' in html
    assert 'value="lucia@correo.example"' in html
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(resend, {"email": "lucia@correo.example", "website": ""})
    assert again.status_code == 200
    # The answer offers the same again, should this one not arrive either.
    assert f'action="{resend}"' in again.content.decode()
    messages = [m for m in outbox() if m.to == ["lucia@correo.example"]]
    assert len(messages) == 2
    assert Registration.objects.get().code in messages[1].body


def test_a_phone_only_registration_is_not_offered_an_email(
    client, occurrence, registration_data
):
    response = post(
        client, occurrence, registration_data, email="", phone="+52 962 123 4567"
    )
    html = client.get(response["Location"]).content.decode()
    assert "reenviar" not in html
