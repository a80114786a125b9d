"""Abuse of the admin's sign-in and password reset forms: repeated wrong
passwords lock out the username and the address (django-axes); password
reset requests are limited per address and per e-mail address. Either way
the answer is a 429 page in the visitor's language saying when to try
again."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import F

import pytest
from axes.models import AccessAttempt

from convivir.checks import sign_in_lockout_check

PASSWORD = "una-contraseña-larga"
OFFICE = "203.0.113.10"
ELSEWHERE = "198.51.100.20"

LOCKED_ES = "El inicio de sesión se ha pausado"
LOCKED_EN = "Signing in has been paused"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser(
        "ana", "ana@convivir.example", PASSWORD
    )


def sign_in(client, username, password, address=OFFICE, language="es", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
        **headers,
    )


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.fixture
def limit(settings):
    return settings.AXES_FAILURE_LIMIT


@pytest.mark.django_db
class TestSignInLockout:
    def test_wrong_passwords_lock_the_username_even_from_other_addresses(
        self, client, staff, limit
    ):
        for attempt in range(limit - 1):
            response = sign_in(client, "ana", "incorrecta", f"192.0.2.{attempt + 1}")
            assert response.status_code == 200
        assert sign_in(client, "ana", "incorrecta", "192.0.2.99").status_code == 429

        response = sign_in(client, "ana", PASSWORD, ELSEWHERE)

        assert response.status_code == 429
        assert not signed_in(client)

    def test_wrong_passwords_from_one_address_lock_it_for_every_username(
        self, client, staff, limit
    ):
        for attempt in range(limit):
            sign_in(client, f"nadie{attempt}", "incorrecta", OFFICE)

        assert sign_in(client, "ana", PASSWORD, OFFICE).status_code == 429
        assert not signed_in(client)
        # The username itself was never tried: from elsewhere it signs in.
        assert sign_in(client, "ana", PASSWORD, ELSEWHERE).status_code == 302
        assert signed_in(client)

    def test_fewer_wrong_passwords_than_the_limit_do_not_lock(
        self, client, staff, limit
    ):
        for _ in range(limit - 1):
            sign_in(client, "ana", "incorrecta")
        assert sign_in(client, "ana", PASSWORD).status_code == 302
        assert signed_in(client)

    def test_the_right_password_during_a_lockout_gets_the_page_in_spanish(
        self, client, staff, limit, settings
    ):
        for _ in range(limit):
            sign_in(client, "ana", "incorrecta")

        response = sign_in(client, "ana", PASSWORD, language="es")

        assert response.status_code == 429
        html = response.content.decode()
        assert '<html lang="es"' in html
        assert "Demasiados intentos" in html
        assert LOCKED_ES in html
        minutes = settings.AXES_COOLOFF_TIME.seconds // 60
        assert f"Puedes volver a intentarlo dentro de {minutes} minutos." in html
        assert 0 < int(response["Retry-After"]) <= minutes * 60
        assert not signed_in(client)

    def test_the_lockout_page_in_english(self, client, staff, limit, settings):
        for _ in range(limit):
            sign_in(client, "ana", "wrong", language="en")

        response = sign_in(client, "ana", PASSWORD, language="en")

        assert response.status_code == 429
        html = response.content.decode()
        assert '<html lang="en"' in html
        assert "Too many attempts" in html
        assert LOCKED_EN in html
        minutes = settings.AXES_COOLOFF_TIME.seconds // 60
        assert f"You can try again in {minutes} minutes." in html

    def test_attempts_during_a_lockout_do_not_extend_it(self, client, staff, limit):
        for _ in range(limit):
            sign_in(client, "ana", "incorrecta")
        ten_minutes_ago = F("attempt_time") - timedelta(minutes=10)
        AccessAttempt.objects.update(attempt_time=ten_minutes_ago)

        response = sign_in(client, "ana", "incorrecta")

        assert response.status_code == 429
        assert "dentro de 5 minutos" in response.content.decode()
        assert int(response["Retry-After"]) <= 5 * 60

    def test_signing_in_works_again_after_the_cool_off(
        self, client, staff, limit, settings
    ):
        for _ in range(limit):
            sign_in(client, "ana", "incorrecta")
        assert sign_in(client, "ana", PASSWORD).status_code == 429

        # The failures happened a cool-off (and a minute) ago.
        AccessAttempt.objects.update(
            attempt_time=F("attempt_time")
            - settings.AXES_COOLOFF_TIME
            - timedelta(minutes=1)
        )

        assert sign_in(client, "ana", PASSWORD).status_code == 302
        assert signed_in(client)

    def test_behind_a_proxy_the_forwarded_address_is_locked_out(
        self, client, staff, limit, settings
    ):
        settings.RATELIMIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
        for attempt in range(limit):
            sign_in(
                client,
                f"nadie{attempt}",
                "incorrecta",
                address="10.0.0.1",
                HTTP_X_FORWARDED_FOR=OFFICE,
            )

        locked = sign_in(
            client, "ana", PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR=OFFICE
        )
        assert locked.status_code == 429
        other = sign_in(
            client, "ana", PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR=ELSEWHERE
        )
        assert other.status_code == 302

    def test_a_forwarded_value_that_is_no_address_counts_the_connection(
        self, client, staff, settings
    ):
        settings.RATELIMIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
        sign_in(client, "ana", "incorrecta", HTTP_X_FORWARDED_FOR="unknown")
        assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [
            OFFICE
        ]

    def test_the_test_client_still_signs_in(self, client, staff):
        assert client.login(username="ana", password=PASSWORD)
        assert signed_in(client)


def test_production_check_warns_when_the_lockout_is_off(settings):
    assert sign_in_lockout_check(None) == []
    settings.AXES_ENABLED = False
    assert [warning.id for warning in sign_in_lockout_check(None)] == ["convivir.W004"]


def reset(client, email, address=OFFICE, language="es"):
    return client.post(
        "/admin/password_reset/",
        {"email": email},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.django_db
class TestPasswordResetLimits:
    def test_a_request_under_the_limits_sends_the_e_mail(self, client, staff):
        response = reset(client, "ana@convivir.example")
        assert response.status_code == 302
        assert response["Location"] == "/admin/password_reset/done/"
        assert [message.to for message in mail.outbox] == [["ana@convivir.example"]]

    def test_one_e_mail_address_is_limited_whatever_address_asks(
        self, client, staff, settings
    ):
        settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 2
        emails = ["ana@convivir.example", "ANA@convivir.example"]
        for number, email in enumerate(emails, start=1):
            assert reset(client, email, f"192.0.2.{number}").status_code == 302

        response = reset(client, "ana@convivir.example", ELSEWHERE)

        assert response.status_code == 429
        html = response.content.decode()
        assert "demasiadas solicitudes para restablecer la contraseña" in html
        assert "No se ha enviado ningún correo." in html
        assert 0 < int(response["Retry-After"]) <= 3600
        assert len(mail.outbox) == 2

    def test_one_address_is_limited_whatever_e_mail_it_asks_for(
        self, client, staff, settings
    ):
        settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 2
        for email in ["otra@convivir.example", "alguien@convivir.example"]:
            assert reset(client, email).status_code == 302

        response = reset(client, "ana@convivir.example", language="en")

        assert response.status_code == 429
        html = response.content.decode()
        assert "Too many password reset requests" in html
        assert "No e-mail has been sent." in html
        assert mail.outbox == []
        # Another connection may still ask.
        assert reset(client, "ana@convivir.example", ELSEWHERE).status_code == 302
        assert len(mail.outbox) == 1
