"""A volunteer signs up while the mail server is down: the page answers at
once, the sign-up and its e-mail are kept, the e-mail goes out when the
server is back (even two days later) and its link still works."""

from datetime import timedelta
from unittest import mock

from django.core import mail, signing
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from convivir.models import OutgoingEmail
from convivir.notifications import deliver_email, send_pending_emails
from networks.models import Volunteer
from tests.mail_backends import OUTAGES, UNREACHABLE, WORKING, UnreachableBackend
from tests.networks.conftest import address
from tests.utils import token_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("backend", OUTAGES)
def test_sign_up_answers_and_keeps_the_email_while_the_server_is_down(
    client, signup_data, settings, backend, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backend
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address("networks:signup"), signup_data)
    assert response.status_code == 302
    assert response["Location"] == address("networks:signup_sent")
    assert client.get(response["Location"]).status_code == 200
    volunteer = Volunteer.objects.get()
    email = OutgoingEmail.objects.get(to=volunteer.email)
    assert email.status == OutgoingEmail.Status.RETRYING
    assert email.next_attempt_at > timezone.now()
    assert email.last_error.split(":")[0] in {"TimeoutError", "SMTPServerDisconnected"}
    assert mail.outbox == []


def test_with_a_worker_the_request_never_reaches_the_provider(
    client, signup_data, settings, django_capture_on_commit_callbacks
):
    """In production (TASKS_BACKEND=database) the request only records the
    e-mail and queues its task."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = UNREACHABLE
    UnreachableBackend.calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address("networks:signup"), signup_data)
    assert response.status_code == 302
    assert UnreachableBackend.calls == []
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.QUEUED
    (task,) = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
    assert task.args_kwargs["args"] == [email.pk]


def test_a_confirmation_sent_two_days_late_still_confirms(
    client, signup_data, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = OUTAGES[0]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address("networks:signup"), signup_data)
    email = OutgoingEmail.objects.get()
    # The server is back just before the retry window closes.
    late = email.queued_at + timedelta(hours=settings.NOTIFICATIONS_RETRY_HOURS)
    settings.EMAIL_BACKEND = WORKING
    assert send_pending_emails(now=late) == {"sent": 1}
    (message,) = mail.outbox
    token = token_in(message.body, "/es/voluntariado/confirmar/")
    # The link is opened an hour after it arrived.
    clock = mock.Mock(time=lambda: (late + timedelta(hours=1)).timestamp())
    with mock.patch.object(signing, "time", clock):
        page = client.get(address("networks:confirm", token))
        assert page.status_code == 200
        assert client.post(address("networks:confirm", token)).status_code == 200
    assert Volunteer.objects.get().confirmed_at is not None
