"""Registering while the mail server is down: the person gets their
confirmation page at once, and the e-mail is kept to be tried again."""

import pytest

from convivir.models import OutgoingEmail
from events.models import Registration
from tests.events.test_views import post
from tests.mail_backends import OUTAGES

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
