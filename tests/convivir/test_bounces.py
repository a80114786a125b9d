"""Bounces and complaints reported by the e-mail provider (Postmark, through
anymail's tracking webhook) stop all further e-mail to the address."""

import base64
import json

from django.core import mail

import pytest

from convivir.models import OutgoingEmail, UndeliverableAddress
from convivir.notifications import attempt_delivery, send_notification

pytestmark = pytest.mark.django_db

WEBHOOK = "/anymail/postmark/tracking/"
SECRET = "convivir:s3cret-webhook-pass"
TEMPLATE = "convivir/email/test_message"


def postmark_event(record_type="Bounce", bounce_type="HardBounce", **fields):
    """A tracking payload shaped like the ones Postmark sends."""
    payload = {
        "RecordType": record_type,
        "MessageStream": "outbound",
        "ID": 4323372036854775807,
        "Type": bounce_type,
        "TypeCode": {"HardBounce": 1, "SoftBounce": 4096, "SpamComplaint": 512}.get(
            bounce_type, 1
        ),
        "Name": "Hard bounce",
        "Tag": "",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 The email account does not exist.",
        "Email": "Ana@Example.org",
        "From": "no-responder@convivir.mx",
        "BouncedAt": "2026-11-05T16:33:54.9070259Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Confirma tu inscripción",
    }
    payload.update(fields)
    return payload


def post(client, payload, secret=SECRET):
    headers = {}
    if secret is not None:
        token = base64.b64encode(secret.encode()).decode()
        headers["HTTP_AUTHORIZATION"] = f"Basic {token}"
    return client.post(
        WEBHOOK, json.dumps(payload), content_type="application/json", **headers
    )


@pytest.fixture
def webhook_secret(settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": SECRET}


def test_hard_bounce_marks_the_address_undeliverable(client, webhook_secret):
    response = post(client, postmark_event())
    assert response.status_code == 200
    entry = UndeliverableAddress.objects.get()
    assert entry.email == "ana@example.org"
    assert entry.reason == "bounced"
    assert entry.esp_message_id == "883953f4-6105-42a2-a16a-77a8eac79483"


def test_spam_complaint_marks_the_address_undeliverable(client, webhook_secret):
    payload = postmark_event("SpamComplaint", "SpamComplaint")
    assert post(client, payload).status_code == 200
    assert UndeliverableAddress.objects.get().reason == "complained"


def test_soft_bounce_leaves_the_address_alone(client, webhook_secret):
    assert post(client, postmark_event(bounce_type="SoftBounce")).status_code == 200
    assert not UndeliverableAddress.objects.exists()


def test_delivery_event_changes_nothing(client, webhook_secret):
    payload = {
        "RecordType": "Delivery",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Recipient": "ana@example.org",
        "DeliveredAt": "2026-11-05T16:33:54Z",
        "Details": "Test delivery",
        "Tag": "",
        "ServerID": 23,
        "Metadata": {},
        "MessageStream": "outbound",
    }
    assert post(client, payload).status_code == 200
    assert not UndeliverableAddress.objects.exists()


@pytest.mark.parametrize("secret", ["convivir:wrong", "nobody:s3cret", None])
def test_a_wrong_or_missing_secret_is_refused_and_changes_nothing(
    client, webhook_secret, secret
):
    response = post(client, postmark_event(), secret=secret)
    assert 400 <= response.status_code < 500
    assert not UndeliverableAddress.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/anymail/mailgun/tracking/",
        "/anymail/amazon_ses/tracking/",
        "/anymail/resend/tracking/",
        "/anymail/postmark/inbound/",
    ],
)
def test_only_the_configured_providers_webhook_exists(client, webhook_secret, url):
    response = client.post(url, "{}", content_type="application/json", follow=True)
    assert response.status_code == 404
    assert not UndeliverableAddress.objects.exists()


def test_without_a_configured_secret_events_are_ignored(client, settings):
    settings.ANYMAIL = {
        k: v for k, v in settings.ANYMAIL.items() if k != "WEBHOOK_SECRET"
    }
    with pytest.warns(Warning):
        post(client, postmark_event(), secret=None)
    assert not UndeliverableAddress.objects.exists()


def test_nothing_more_is_sent_to_an_undeliverable_address(
    client, webhook_secret, django_capture_on_commit_callbacks
):
    post(client, postmark_event())
    with django_capture_on_commit_callbacks(execute=True):
        email = send_notification(
            to="ana@example.org", template=TEMPLATE, context={}, language="es"
        )
    assert email.status == OutgoingEmail.Status.SUPPRESSED
    assert mail.outbox == []
    # Other addresses still get their e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        send_notification(to="beto@example.org", template=TEMPLATE, context={})
    assert [m.to for m in mail.outbox] == [["beto@example.org"]]


def test_a_bounce_suppresses_messages_still_waiting(
    client, webhook_secret, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        email = send_notification(
            to="ana@example.org", template=TEMPLATE, context={}, language="es"
        )
    post(client, postmark_event())
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SUPPRESSED
    assert attempt_delivery(email.pk) == "skipped"
    assert mail.outbox == []


def test_staff_see_undeliverable_addresses_and_may_remove_one(
    client, admin_user, webhook_secret
):
    post(client, postmark_event())
    client.force_login(admin_user)
    html = client.get("/admin/undeliverable_address/").content.decode()
    assert "ana@example.org" in html
    entry = UndeliverableAddress.objects.get()
    response = client.post(f"/admin/undeliverable_address/delete/{entry.pk}/")
    assert response.status_code == 302
    assert not UndeliverableAddress.objects.exists()
    # Nobody adds or edits entries by hand.
    assert client.get("/admin/undeliverable_address/new/").status_code in (302, 403)
