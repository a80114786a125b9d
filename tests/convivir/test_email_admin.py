"""Staff send failed e-mails again from the e-mail log: one at a time or
all at once, only with the "Can send an e-mail again" permission, by POST
with the CSRF token; the message then goes out as it was written."""

from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from convivir.models import OutgoingEmail
from networks.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db


def failed_email(to="ana@example.org", status=OutgoingEmail.Status.FAILED):
    return OutgoingEmail.objects.create(
        to=to,
        language="es",
        template="networks/email/confirm_signup",
        subject="Confirma tu inscripción",
        body_text="Hola Ana: confirma aquí https://convivir.example.org/es/x/\n",
        body_html="<p>Hola Ana</p>",
        status=status,
        attempts=37,
        last_error="TimeoutError: timed out",
    )


def staff_member(*codenames) -> User:
    user = User.objects.create_user("operadora", password="una-clave-larga-123")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def resend_url(email):
    return reverse("outgoing_email:resend", args=[email.pk])


def test_staff_send_a_failed_email_again_with_its_content(
    admin_client, django_capture_on_commit_callbacks
):
    email = failed_email()
    listing = admin_client.get(reverse("outgoing_email:index"), {"status": "failed"})
    assert resend_url(email) in listing.content.decode()
    assert "Volver a enviar" in listing.content.decode()
    inspect = admin_client.get(reverse("outgoing_email:inspect", args=[email.pk]))
    assert resend_url(email) in inspect.content.decode()

    confirm = admin_client.get(resend_url(email))
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert "TimeoutError: timed out" in html
    assert mail.outbox == []  # a GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(resend_url(email))
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Confirma tu inscripción"
    assert message.body == email.body_text
    assert message.alternatives[0][0] == "<p>Hola Ana</p>"
    assert ModelLogEntry.objects.filter(
        action="convivir.send_again", object_id=str(email.pk)
    ).exists()


def test_a_user_given_the_permission_can_send_again(
    client, django_capture_on_commit_callbacks
):
    client.force_login(staff_member("view_outgoingemail", "resend_outgoingemail"))
    email = failed_email()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(resend_url(email)).status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("who", ["coordinator", "viewer"])
def test_without_the_permission_nothing_is_sent_again(
    client, who, django_capture_on_commit_callbacks
):
    user = CoordinatorFactory() if who == "coordinator" else None
    if who == "viewer":
        # May read the log, may not send anything again.
        user = staff_member("view_outgoingemail")
    client.force_login(user)
    email = failed_email()
    if who == "viewer":
        listing = client.get(reverse("outgoing_email:index"))
        assert listing.status_code == 200
        assert resend_url(email) not in listing.content.decode()
        assert reverse("outgoing_email:resend_failed") not in listing.content.decode()
    for url in (resend_url(email), reverse("outgoing_email:resend_failed")):
        assert client.get(url).status_code in (302, 403)
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url).status_code in (302, 403)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 37
    assert mail.outbox == []


def test_sending_again_needs_the_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    email = failed_email()
    assert client.post(resend_url(email)).status_code == 403
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED


def test_a_sent_email_is_not_offered_nor_sent_again(
    admin_client, django_capture_on_commit_callbacks
):
    email = failed_email(status=OutgoingEmail.Status.SENT)
    html = admin_client.get(reverse("outgoing_email:index")).content.decode()
    assert resend_url(email) not in html
    assert 'method="post"' not in admin_client.get(resend_url(email)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(resend_url(email))
    assert mail.outbox == []


def test_staff_send_every_failed_email_again_after_an_outage(
    admin_client, django_capture_on_commit_callbacks
):
    first, second = failed_email("a@example.org"), failed_email("b@example.org")
    waiting = failed_email("c@example.org", status=OutgoingEmail.Status.RETRYING)
    url = reverse("outgoing_email:resend_failed")
    assert url in admin_client.get(reverse("outgoing_email:index")).content.decode()
    page = admin_client.get(url).content.decode()
    assert "a@example.org" in page and "b@example.org" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    for email in (first, second):
        email.refresh_from_db()
        assert email.status == OutgoingEmail.Status.SENT
    # One still within its retry window is left to its schedule.
    waiting.refresh_from_db()
    assert waiting.status == OutgoingEmail.Status.RETRYING


def test_the_dashboard_tells_staff_that_emails_failed(admin_client):
    assert (
        "Correo que no se pudo enviar"
        not in admin_client.get("/admin/").content.decode()
    )
    failed_email("a@example.org")
    failed_email("b@example.org")
    html = admin_client.get("/admin/").content.decode()
    assert "Correo que no se pudo enviar" in html
    assert "2 correos fallaron definitivamente" in html
    assert reverse("outgoing_email:index") + "?status=failed" in html


def test_the_dashboard_says_nothing_to_those_who_cannot_read_the_log(client):
    client.force_login(CoordinatorFactory())
    failed_email()
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Correo que no se pudo enviar" not in dashboard.content.decode()


def test_an_administrator_can_grant_the_permission_to_a_group(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    permission = Permission.objects.get(codename="resend_outgoingemail")
    assert f'value="{permission.pk}"' in html
    assert "Puede volver a enviar un correo" in html
