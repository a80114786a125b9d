"""Retries after an outage: a growing delay, capped, for the whole retry
window; then the message is given up, logged, and staff can send it again.
Times are passed explicitly (``now``) so the tests walk through two days."""

import logging
from datetime import timedelta
from itertools import pairwise

from django.core import mail
from django.utils import timezone

import pytest

from convivir.models import OutgoingEmail
from convivir.notifications import (
    attempt_delivery,
    give_up_at,
    retry_delay,
    send_again,
    send_notification,
    send_pending_emails,
)

pytestmark = pytest.mark.django_db

TEMPLATE = "convivir/email/test_message"
FAILING = "tests.convivir.test_notifications.FailingBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def retries(settings):
    settings.NOTIFICATIONS_RETRY_SECONDS = 60
    settings.NOTIFICATIONS_RETRY_MAX_SECONDS = 3600
    settings.NOTIFICATIONS_RETRY_HOURS = 48
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 100
    settings.EMAIL_BACKEND = FAILING
    return settings


def queued_email() -> OutgoingEmail:
    # Outside on_commit: the first try is made by the test, at a known time.
    return send_notification(to="ana@example.org", template=TEMPLATE, context={})


def test_retry_delay_doubles_up_to_the_cap(retries):
    delays = [retry_delay(n).total_seconds() for n in range(1, 10)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert retry_delay(10_000) == timedelta(hours=1)


def test_each_failure_schedules_the_next_try_later_until_the_window_ends(
    retries, caplog
):
    email = queued_email()
    now = email.queued_at
    tries, gaps = [], []
    while True:
        status = attempt_delivery(email.pk, now=now)
        email.refresh_from_db()
        tries.append(now)
        if status != OutgoingEmail.Status.RETRYING:
            break
        assert email.next_attempt_at > now
        gaps.append(email.next_attempt_at - now)
        now = email.next_attempt_at
    assert status == OutgoingEmail.Status.FAILED
    # Each wait is at least as long as the one before, and grows until the cap.
    growing = [timedelta(seconds=s) for s in (60, 120, 240, 480, 960, 1920, 3600)]
    assert gaps[:7] == growing
    # (The very last wait is cut short to fall on the window's end.)
    assert all(later >= earlier for earlier, later in pairwise(gaps[:-1]))
    # The last try is at the end of the window, not before: 48 hours covered.
    assert tries[-1] == give_up_at(email) == email.queued_at + timedelta(hours=48)
    assert email.attempts == len(tries)
    assert email.next_attempt_at is None
    assert email.last_error == "ConnectionError: provider unreachable"
    assert mail.outbox == []
    # Given up: logged as an error for whoever watches the logs.
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "failed for good" in record.getMessage()
    # And nothing picks it up again.
    assert send_pending_emails(now=now + timedelta(days=1)) == {}


def test_a_message_is_still_sent_after_a_day_long_outage(retries):
    email = queued_email()
    attempt_delivery(email.pk, now=email.queued_at)
    # The provider is back 30 hours later: the next periodic run sends it.
    later = email.queued_at + timedelta(hours=30)
    while True:
        email.refresh_from_db()
        if email.next_attempt_at > later:
            break
        assert send_pending_emails(now=email.next_attempt_at) == {"retrying": 1}
    retries.EMAIL_BACKEND = WORKING
    assert send_pending_emails(now=email.next_attempt_at) == {"sent": 1}
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert mail.outbox[0].subject == "Mensaje de prueba de Convivir"


def test_the_old_attempt_limit_no_longer_cuts_the_window_short(retries):
    email = queued_email()
    now = email.queued_at
    for _ in range(6):  # the old default gave up here, 31 minutes in
        assert attempt_delivery(email.pk, now=now) == OutgoingEmail.Status.RETRYING
        email.refresh_from_db()
        now = email.next_attempt_at
    assert now - email.queued_at < timedelta(hours=2)


def test_sending_again_restarts_the_attempts_and_the_window(
    retries, django_capture_on_commit_callbacks
):
    email = queued_email()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.FAILED,
        attempts=40,
        queued_at=timezone.now() - timedelta(days=3),
    )
    retries.EMAIL_BACKEND = WORKING
    with django_capture_on_commit_callbacks(execute=True):
        assert send_again(email.pk)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert timezone.now() - email.queued_at < timedelta(minutes=1)
    (message,) = mail.outbox
    assert message.subject == email.subject
    assert message.body == email.body_text


def test_a_sent_message_is_not_sent_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queued_email()
    with django_capture_on_commit_callbacks(execute=True):
        assert not send_again(email.pk)
    assert len(mail.outbox) == 1
