"""E-mail through the notifications module: language, task, retries."""

from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from anymail.exceptions import AnymailRecipientsRefused
from django_tasks import TaskResultStatus
from django_tasks.signals import task_enqueued

from convivir import notifications
from convivir.models import OutgoingEmail
from convivir.notifications import (
    attempt_delivery,
    purge_old_emails,
    send_notification,
    send_pending_emails,
)

pytestmark = pytest.mark.django_db

TEMPLATE = "convivir/email/test_message"


def send(to, language, capture, **kwargs):
    with capture(execute=True):
        return send_notification(
            to=to, template=TEMPLATE, context={}, language=language, **kwargs
        )


def test_spanish_recipient_gets_spanish_email(django_capture_on_commit_callbacks):
    send("ana@example.org", "es", django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Mensaje de prueba de Convivir"
    assert message.body.startswith("Hola:")
    assert "el sitio puede enviar correos a esta dirección" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="es">' in html
    assert "Este es un mensaje de prueba de Convivir." in html
    assert message.extra_headers["Content-Language"] == "es"


def test_english_recipient_gets_english_email(django_capture_on_commit_callbacks):
    send("john@example.org", "en", django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject == "Test message from Convivir"
    assert message.body.startswith("Hello,")
    assert '<html lang="en">' in message.alternatives[0][0]
    assert "https://convivir.example.org/en/" in message.body


def test_unknown_language_falls_back_to_spanish(django_capture_on_commit_callbacks):
    email = send("x@example.org", "fr", django_capture_on_commit_callbacks)
    assert email.language == "es"
    assert mail.outbox[0].subject == "Mensaje de prueba de Convivir"


def test_email_goes_through_the_task_backend(django_capture_on_commit_callbacks):
    enqueued = []

    def record(sender, task_result, **kwargs):
        enqueued.append(task_result)

    task_enqueued.connect(record)
    try:
        email = send("ana@example.org", "es", django_capture_on_commit_callbacks)
    finally:
        task_enqueued.disconnect(record)
    (result,) = enqueued
    assert result.task.func is notifications.deliver_email.func
    assert result.task.queue_name == "default"  # what `db_worker` processes
    assert result.args == [email.pk]
    assert result.status == TaskResultStatus.SUCCESSFUL
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None


def test_nothing_is_sent_if_the_transaction_rolls_back():
    # Without running on_commit callbacks the message stays queued: a failed
    # form submission never e-mails anyone.
    email = send_notification(to="a@example.org", template=TEMPLATE, context={})
    assert mail.outbox == []
    assert email.status == OutgoingEmail.Status.QUEUED


def test_attachments_are_sent(django_capture_on_commit_callbacks):
    send(
        "ana@example.org",
        "es",
        django_capture_on_commit_callbacks,
        attachments=[
            ("evento.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
        ],
    )
    (attachment,) = mail.outbox[0].attachments
    assert attachment.filename == "evento.ics"
    assert attachment.mimetype == "text/calendar"
    # Django hands text attachments back as text.
    assert attachment.content == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


class FailingBackend:
    """An e-mail backend whose provider is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("provider unreachable")


class RefusingBackend(FailingBackend):
    """An ESP that refuses the recipient for good (unknown or bounced)."""

    def send_messages(self, messages):
        raise AnymailRecipientsRefused("All message recipients were rejected.")


@pytest.fixture
def provider_down(settings):
    settings.EMAIL_BACKEND = "tests.convivir.test_notifications.FailingBackend"


def test_failed_send_is_kept_for_retry(
    provider_down, django_capture_on_commit_callbacks
):
    email = send("ana@example.org", "es", django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.RETRYING
    assert email.attempts == 1
    assert email.last_error == "ConnectionError: provider unreachable"
    assert email.next_attempt_at > timezone.now()
    assert mail.outbox == []


def test_retry_sends_once_the_provider_is_back(
    settings, provider_down, django_capture_on_commit_callbacks
):
    email = send("ana@example.org", "es", django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Not due yet: nothing happens.
    assert send_pending_emails() == {}
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert send_pending_emails() == {"sent": 1}
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 2
    assert len(mail.outbox) == 1


def test_gives_up_after_the_last_attempt(
    settings, provider_down, django_capture_on_commit_callbacks
):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    email = send("ana@example.org", "es", django_capture_on_commit_callbacks)
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert attempt_delivery(email.pk) == OutgoingEmail.Status.FAILED
    email.refresh_from_db()
    assert email.attempts == 2
    # A failed message is not picked up again.
    assert attempt_delivery(email.pk) == "skipped"


def test_a_message_is_never_sent_twice(django_capture_on_commit_callbacks):
    email = send("ana@example.org", "es", django_capture_on_commit_callbacks)
    assert attempt_delivery(email.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_database_backend_defers_the_retry(
    provider_down, django_capture_on_commit_callbacks
):
    email = send_notification(to="a@example.org", template=TEMPLATE, context={})
    with (
        mock.patch.object(notifications, "backend_can_defer", return_value=True),
        mock.patch.object(notifications, "_enqueue") as enqueue,
        django_capture_on_commit_callbacks(execute=True),
    ):
        attempt_delivery(email.pk)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.RETRYING
    enqueue.assert_called_once_with(email.pk, run_after=email.next_attempt_at)


def test_retry_delay_grows():
    assert notifications.retry_delay(1) == timedelta(seconds=60)
    assert notifications.retry_delay(3) == timedelta(seconds=240)


def test_purge_deletes_only_old_finished_messages(django_capture_on_commit_callbacks):
    old = send("a@example.org", "es", django_capture_on_commit_callbacks)
    recent = send("b@example.org", "es", django_capture_on_commit_callbacks)
    pending = send_notification(to="c@example.org", template=TEMPLATE, context={})
    failed_long_ago = send_notification(
        to="d@example.org", template=TEMPLATE, context={}
    )
    month_ago = timezone.now() - timedelta(days=31)
    OutgoingEmail.objects.filter(pk=old.pk).update(sent_at=month_ago)
    OutgoingEmail.objects.filter(pk=failed_long_ago.pk).update(
        status=OutgoingEmail.Status.FAILED, created_at=month_ago
    )
    assert purge_old_emails() == 2
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {
        recent.pk,
        pending.pk,
    }


@pytest.fixture
def test_templates(settings):
    """Add tests/templates to both template engines."""
    folder = Path(__file__).resolve().parents[1] / "templates"
    settings.TEMPLATES = [
        {**engine, "DIRS": [*engine["DIRS"], folder]} for engine in settings.TEMPLATES
    ]


def test_text_parts_are_not_html_escaped(test_templates):
    email = send_notification(
        to="ana@example.org",
        template="tests/email/escaping",
        context={"name": "O'Brien <Ana>", "title": "Salud & Derechos"},
    )
    assert email.subject == "Inscripción: Salud & Derechos"
    assert email.body_text.startswith("Hola O'Brien <Ana>")
    # The HTML part is escaped, as it must be.
    assert "O&#x27;Brien &lt;Ana&gt;" in email.body_html


def test_a_broken_message_does_not_hold_up_the_others(
    provider_down, settings, django_capture_on_commit_callbacks
):
    broken = send("a@example.org", "es", django_capture_on_commit_callbacks)
    good = send("b@example.org", "es", django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingEmail.objects.filter(pk=broken.pk).update(
        attachments=[{"filename": "x"}], next_attempt_at=timezone.now()
    )
    OutgoingEmail.objects.filter(pk=good.pk).update(next_attempt_at=timezone.now())
    counts = send_pending_emails()
    assert counts == {"retrying": 1, "sent": 1}
    broken.refresh_from_db()
    assert broken.last_error.startswith("KeyError")
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


def test_a_retry_is_not_sent_before_its_time(
    provider_down, django_capture_on_commit_callbacks
):
    email = send("a@example.org", "es", django_capture_on_commit_callbacks)
    assert attempt_delivery(email.pk) == "skipped"
    email.refresh_from_db()
    assert email.attempts == 1


def test_a_sender_that_died_still_uses_up_an_attempt(settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    email = send_notification(to="a@example.org", template=TEMPLATE, context={})
    # A worker claimed it and died: the lease lapsed.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() - timedelta(seconds=1),
    )
    settings.EMAIL_BACKEND = "tests.convivir.test_notifications.FailingBackend"
    assert send_pending_emails() == {"failed": 1}
    email.refresh_from_db()
    assert email.attempts == 2


def test_a_refused_recipient_is_not_retried(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.convivir.test_notifications.RefusingBackend"
    email = send("nadie@example.org", "es", django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 1
    assert email.last_error.startswith("AnymailRecipientsRefused")


# The worker closes connections that are inside a transaction, as a test
# transaction would be: this test commits for real.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_worker_sends_queued_email(
    settings, django_capture_on_commit_callbacks
):
    """With TASKS_BACKEND=database, e-mail waits for ``manage.py db_worker``
    as the README runs it (no queue option)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = send("ana@example.org", "es", django_capture_on_commit_callbacks)
    assert mail.outbox == []
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
    )
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_send_test_email_command(capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_test_email", "ops@example.org", "--language", "en")
    assert mail.outbox[0].to == ["ops@example.org"]
    assert mail.outbox[0].subject == "Test message from Convivir"
