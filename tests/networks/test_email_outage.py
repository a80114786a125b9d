"""E-mail survives the provider being down: the sign-up is saved, the
message is retried, and it goes out once the provider is back. A bounce
reported by the provider stops further e-mail to the volunteer."""

import base64
import json
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from convivir.models import OutgoingEmail
from convivir.notifications import send_pending_emails
from networks.models import Volunteer
from tests.networks.conftest import address

pytestmark = pytest.mark.django_db

FAILING = "tests.convivir.test_notifications.FailingBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


def test_sign_up_is_kept_and_its_email_sent_when_the_provider_recovers(
    client, signup_data, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address("networks:signup"), signup_data)
    assert response.status_code == 302
    volunteer = Volunteer.objects.get()
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.RETRYING
    assert email.attempts == 1
    assert "ConnectionError" in email.last_error
    assert mail.outbox == []

    # Still down at the next try: the delay grows.
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert send_pending_emails() == {"retrying": 1}
    email.refresh_from_db()
    assert email.attempts == 2
    assert email.next_attempt_at - timezone.now() > timedelta(seconds=100)

    settings.EMAIL_BACKEND = WORKING
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert send_pending_emails() == {"sent": 1}
    (message,) = mail.outbox
    assert message.to == [volunteer.email]
    assert "/es/voluntariado/confirmar/" in message.body


def test_failed_emails_are_visible_to_staff(
    client, admin_user, signup_data, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
    client.force_login(admin_user)
    html = client.get("/admin/outgoing_email/", {"status": "failed"}).content.decode()
    assert "Confirma tu inscripción como persona voluntaria" in html


def test_a_bounce_stops_email_to_the_volunteer(
    client, signup_data, settings, django_capture_on_commit_callbacks
):
    secret = "convivir:pruebas-webhook"
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": secret}
    bounce = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "MessageID": "b7bc2f4a-e38e-4336-af7d-e6c392c2f817",
        "Email": "lucia@correo.example",
        "BouncedAt": "2026-11-05T16:33:54Z",
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 unknown user",
        "MessageStream": "outbound",
        "Inactive": True,
    }
    response = client.post(
        "/anymail/postmark/tracking/",
        json.dumps(bounce),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(secret.encode()).decode(),
    )
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
    # The sign-up is still recorded; the e-mail is not sent.
    assert Volunteer.objects.exists()
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SUPPRESSED
    assert mail.outbox == []
