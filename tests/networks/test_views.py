"""The public views (:mod:`networks.views`): the sign-up form (links that
preselect a network or an opportunity, the privacy notice, every error next
to its field in the page's language, honeypot, rate limit, no server error
on any input, nothing half-saved), the signed links and what a visitor sees
when one does not work, and the sign-up surviving an e-mail outage."""

import base64
import json
import re
import time
from datetime import timedelta
from unittest import mock

from django.core import mail, signing
from django.test import override_settings
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase  # noqa: F401 - documents the API used

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from convivir.common.links import LinkError
from convivir.models import ContentPage, OutgoingEmail
from convivir.notifications import send_pending_emails
from networks.factories import (
    VolunteerFactory,
)
from networks.models import (
    CONFIRM_LINK,
    Volunteer,
    VolunteeringSettings,
)
from tests.networks.conftest import address
from tests.utils import add_child

pytestmark = pytest.mark.django_db


SIGNUP_URL = address("networks:signup")


def error_for(html, field_id, message, label=""):
    """``message`` under the field, and in the summary after the field's
    ``label`` (any label when none is given)."""
    under = (
        f'id="{field_id}_error"><span class="visually-hidden">Error: </span>{message}'
    )
    summary = rf'<a href="#{field_id}">{re.escape(label) if label else ".+?"}: '
    return under in html and re.search(summary + re.escape(f"{message}</a>"), html)


def test_empty_form_shows_every_error_next_to_its_field(client, network_a):
    response = client.post(SIGNUP_URL, {"website": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hay un problema" in html
    for field, label in (
        ("id_name", "Tu nombre"),
        ("id_email", "Correo electrónico"),
        ("id_municipality", "Municipio donde vives"),
        ("id_interest", "Red u oportunidad"),
        ("id_motivation", "¿Por qué quieres ser voluntaria o voluntario?"),
        ("id_languages", "Idiomas que hablas"),
        ("id_skills", "Lo que puedes aportar"),
        ("id_available_days", "Días en que puedes"),
        ("id_available_times", "Horarios en que puedes"),
    ):
        assert error_for(html, field, "Este campo es obligatorio.", label), field
    assert error_for(
        html,
        "id_is_adult",
        "Para ser voluntaria o voluntario debes tener 18 años o más.",
    )
    assert error_for(
        html,
        "id_privacy_consent",
        "Solo podemos guardar tus datos con tu consentimiento.",
    )
    assert not Volunteer.objects.exists()
    assert mail.outbox == []


def test_errors_are_in_english_on_the_english_form(client, signup_data):
    data = {**signup_data, "email": "not-an-email", "is_adult": ""}
    html = client.post(address("networks:signup", language="en"), data).content.decode()
    assert "There is a problem" in html
    assert error_for(html, "id_email", "Enter a valid email address.", "E-mail")
    assert error_for(html, "id_is_adult", "You must be 18 or older to volunteer.")
    assert not Volunteer.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "llámame", "Escribe el número solo con dígitos"),
        ("phone", "5555 1234", "necesita su código de país, por ejemplo +502"),
        ("interest", "network-999999", "Elige una opción válida."),
        ("interest", "opportunity-abc", "Elige una opción válida."),
        ("languages", ["xx"], "Elige una opción válida."),
        ("motivation", "x" * 1501, "Escribe como máximo 1500 caracteres"),
        ("name", "Ana\x00", "Los caracteres nulos no están permitidos."),
    ],
)
def test_bad_values_are_refused_with_a_message(
    client, signup_data, field, value, message
):
    html = client.post(SIGNUP_URL, {**signup_data, field: value}).content.decode()
    assert "Hay un problema" in html
    assert message in html
    assert not Volunteer.objects.exists()


def test_other_language_needs_its_name(client, signup_data):
    data = {**signup_data, "languages": ["es", "other"], "other_language": " "}
    html = client.post(SIGNUP_URL, data).content.decode()
    assert error_for(html, "id_other_language", "Dinos cuál.")
    assert not Volunteer.objects.exists()


def test_honeypot_looks_like_success_and_saves_nothing(client, signup_data):
    response = client.post(SIGNUP_URL, {**signup_data, "website": "http://x.example"})
    assert response.status_code == 302
    assert not Volunteer.objects.exists()
    assert mail.outbox == []


@override_settings(NETWORKS_SIGNUP_RATE_LIMIT=2)
def test_rate_limit_stops_a_flood(client, signup_data):
    for _ in range(2):
        client.post(SIGNUP_URL, {**signup_data, "name": ""})
    response = client.post(SIGNUP_URL, signup_data)
    assert response.status_code == 429
    assert "Demasiados intentos desde tu conexión" in response.content.decode()
    assert not Volunteer.objects.exists()


def test_nothing_is_half_saved_when_the_email_cannot_be_queued(client, signup_data):
    with (
        mock.patch(
            "networks.models.signups.send_notification",
            side_effect=RuntimeError("boom"),
        ),
        pytest.raises(RuntimeError),
    ):
        client.post(SIGNUP_URL, signup_data)
    assert not Volunteer.objects.exists()


@override_settings(NETWORKS_SIGNUP_RATE_LIMIT=10_000)
@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "name",
                "email",
                "phone",
                "municipality",
                "interest",
                "languages",
                "skills",
                "available_days",
                "motivation",
                "is_adult",
                "privacy_consent",
                "other_language",
            ]
        ),
        st.text(max_size=300),
    )
)
def test_no_input_causes_a_server_error(client, network_a, data):
    response = client.post(SIGNUP_URL, data)
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    "query",
    [
        {"oportunidad": "²"},
        {"oportunidad": "9" * 40},
        {"oportunidad": "-1"},
        {"red": "\x00"},
        {"red": "red-" + "x" * 500},
        {"red": "<script>"},
    ],
)
def test_odd_link_parameters_preselect_nothing(client, network_a, query):
    response = client.get(SIGNUP_URL, query)
    assert response.status_code == 200
    assert 'selected value="' not in response.content.decode()


def test_link_parameter_preselects_the_network(client, network_a):
    response = client.get(SIGNUP_URL, {"red": network_a.slug})
    assert f'value="network-{network_a.pk}" selected' in response.content.decode()


def test_signup_link_preselects_network_or_opportunity(
    client, network_a, opportunity_a
):
    html = client.get(
        address("networks:signup"), {"red": "red-tapachula"}
    ).content.decode()
    assert f'<option value="network-{network_a.pk}" selected>' in html
    html = client.get(
        address("networks:signup"), {"oportunidad": opportunity_a.pk}
    ).content.decode()
    assert f'<option value="opportunity-{opportunity_a.pk}" selected>' in html
    assert '<optgroup label="Red Tapachula (Tapachula)">' in html


def test_signup_form_links_the_privacy_notice(client, network_a, home):

    privacy = add_child(home, ContentPage(title="Aviso de privacidad", slug="aviso"))
    settings_row = VolunteeringSettings.load()
    settings_row.privacy_notice_page = privacy
    settings_row.privacy_notice_version = "2026-11"
    settings_row.save()
    html = client.get(address("networks:signup")).content.decode()
    assert 'href="/es/aviso/"' in html


def confirm_url(volunteer):
    return address("networks:confirm", volunteer.confirmation_token())


def test_tampered_link_gives_a_clear_page(client):
    volunteer = VolunteerFactory(confirmed_at=None)
    tampered = confirm_url(volunteer)[:-6] + "AAAAA/"
    response = client.get(tampered)
    assert response.status_code == 400
    assert "Este enlace no funciona" in response.content.decode()
    assert client.post(tampered).status_code == 400
    volunteer.refresh_from_db()
    assert volunteer.confirmed_at is None


def test_link_made_for_another_purpose_does_not_confirm(client):
    volunteer = VolunteerFactory(confirmed_at=None)
    response = client.post(address("networks:confirm", volunteer.conduct_token()))
    assert response.status_code == 400
    volunteer.refresh_from_db()
    assert volunteer.confirmed_at is None


def test_expired_link_gives_a_clear_page(client):
    volunteer = VolunteerFactory(confirmed_at=None)
    url = confirm_url(volunteer)
    eight_days_later = time.time() + timedelta(days=8).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=eight_days_later):
        response = client.post(url)
    assert response.status_code == 400
    assert "Este enlace ya venció" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.confirmed_at is None


def test_reused_link_gives_a_clear_page(client, django_capture_on_commit_callbacks):
    volunteer = VolunteerFactory(confirmed_at=None)
    url = confirm_url(volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 200
    mail.outbox.clear()
    response = client.post(url)
    assert response.status_code == 400
    assert "Este enlace ya se usó" in response.content.decode()
    assert mail.outbox == []


def test_a_newer_link_replaces_the_older_one(client, signup_data):
    client.post(SIGNUP_URL, signup_data)
    old_url = confirm_url(Volunteer.objects.get())
    client.post(SIGNUP_URL, signup_data)
    response = client.post(old_url)
    assert response.status_code == 400
    assert "un correo más reciente lo haya reemplazado" in response.content.decode()
    assert Volunteer.objects.get().confirmed_at is None


def test_a_link_opened_before_a_newer_sign_up_confirms_only_what_it_showed(
    client,
    signup_data,
    network_a,
    network_b,
    coordinator_a,
    coordinator_b,
    django_capture_on_commit_callbacks,
):
    """The link was checked, then the person signed up again for another
    network before pressing the button: the page they saw did not name the
    newer sign-up, so it stays pending and its coordinators hear nothing."""
    client.post(SIGNUP_URL, signup_data)
    opened = Volunteer.from_confirmation_token(
        Volunteer.objects.get().confirmation_token()
    )
    client.post(SIGNUP_URL, {**signup_data, "interest": f"network-{network_b.pk}"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert [v.network for v in opened.confirm()] == [network_a]
    assert "beto@redes.example" not in [m.to[0] for m in mail.outbox]
    assert Volunteer.objects.get(network=network_b).confirmed_at is None


def test_a_link_opened_before_a_repeat_sign_up_confirms_nothing(
    client, signup_data, coordinator_a
):
    """The same network again: the newer e-mail replaced the link."""
    client.post(SIGNUP_URL, signup_data)
    opened = Volunteer.from_confirmation_token(
        Volunteer.objects.get().confirmation_token()
    )
    client.post(SIGNUP_URL, {**signup_data, "municipality": "Huixtla"})
    mail.outbox.clear()
    with pytest.raises(LinkError, match="invalid"):
        opened.confirm()
    assert mail.outbox == []
    assert Volunteer.objects.get().confirmed_at is None


def test_link_to_a_deleted_sign_up_gives_a_clear_page(client):
    volunteer = VolunteerFactory(confirmed_at=None)
    url = confirm_url(volunteer)
    volunteer.delete()
    assert client.get(url).status_code == 400


def test_each_purpose_signs_with_its_own_salt():
    volunteer = VolunteerFactory(confirmed_at=None)
    payload = signing.loads(volunteer.confirmation_token(), salt=CONFIRM_LINK.salt)
    assert payload == {"v": volunteer.pk, "n": volunteer.confirmation_nonce}
    with pytest.raises(signing.BadSignature):
        signing.loads(volunteer.confirmation_token(), salt="networks.volunteer.data")


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
