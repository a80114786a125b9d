"""What every public form shares: accessible errors, honeypot, rate limit."""

import re

from django.test import override_settings

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.convivir import form_urls

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.convivir.form_urls"),
]

VALID = {
    "name": "Ana",
    "email": "ana@example.org",
    "seats": "2",
    "language": "es",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def _no_submissions():
    form_urls.SUBMISSIONS.clear()


def test_form_renders_accessibly(client, home):
    html = client.get("/es/inscripcion/").content.decode()
    assert '<label for="id_name">Nombre</label>' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "novalidate" in html
    assert (
        '<span class="hint" id="id_email_helptext">Te escribiremos aquí.</span>' in html
    )
    assert 'aria-describedby="id_email_helptext"' in html
    assert "<legend>Idioma</legend>" in html
    # The honeypot is out of sight and out of the tab order.
    assert re.search(
        r'<div class="honeypot" aria-hidden="true">.*tabindex="-1"', html, re.S
    )


def test_every_error_is_shown_next_to_its_field_and_in_the_summary(client, home):
    response = client.post(
        "/es/inscripcion/",
        {**VALID, "name": "", "email": "no-es-un-correo", "seats": "9", "consent": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert "Hay un problema" in html
    for anchor, label, message in [
        ("id_name", "Nombre", "Este campo es obligatorio."),
        ("id_email", "Correo", "Escribe una dirección de correo electrónico válida."),
        ("id_seats", "Lugares", "Escribe un número menor o igual a 4."),
        ("id_consent", "Acepto el aviso de privacidad", "Este campo es obligatorio."),
    ]:
        # The summary names the field of each error; under the field, the
        # label is already there.
        assert f'<a href="#{anchor}">{label}: {message}</a>' in html
        assert (
            f'id="{anchor}_error"><span class="visually-hidden">Error: </span>{message}'
            in html
        )
    assert (
        'aria-invalid="true" aria-describedby="id_email_helptext id_email_error"'
        in html
    )
    # What the visitor typed is kept.
    assert 'value="no-es-un-correo"' in html
    assert form_urls.SUBMISSIONS == []


def test_errors_are_in_the_pages_language(client, home):
    html = client.post("/en/inscripcion/", {**VALID, "name": ""}).content.decode()
    assert "There is a problem" in html
    assert '<a href="#id_name">Nombre: This field is required.</a>' in html


@pytest.mark.parametrize(
    "changes,field,message",
    [
        (
            {"name": "x" * 61},
            "name",
            "Escribe como máximo 60 caracteres (has escrito 61).",
        ),
        ({"seats": "dos"}, "seats", "Escribe un número entero."),
        ({"seats": "0"}, "seats", "Escribe un número mayor o igual a 1."),
        (
            {"language": "xx"},
            "language",
            "Elige una opción válida. xx no está entre las opciones.",
        ),
    ],
)
def test_the_messages_speak_to_the_visitor_as_tu(client, home, changes, field, message):
    html = client.post("/es/inscripcion/", {**VALID, **changes}).content.decode()
    assert (
        f'id="id_{field}_error"><span class="visually-hidden">Error: </span>{message}'
        in html
    )
    assert "Introduzca" not in html and "Asegúrese" not in html


def test_valid_form_is_accepted(client, home):
    response = client.post("/es/inscripcion/", VALID)
    assert response.status_code == 302
    assert form_urls.SUBMISSIONS == [
        {
            "name": "Ana",
            "email": "ana@example.org",
            "seats": 2,
            "language": "es",
            "consent": True,
            "website": "",
        }
    ]


def test_filled_honeypot_looks_like_success_but_saves_nothing(client, home):
    response = client.post(
        "/es/inscripcion/", {**VALID, "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert form_urls.SUBMISSIONS == []


def test_rate_limit_stops_a_flood_with_a_clear_message(client, home):
    for _ in range(3):
        client.post("/es/inscripcion/", {**VALID, "name": ""})
    response = client.post("/es/inscripcion/", VALID)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Demasiados intentos desde tu conexión" in html
    # What the visitor typed is still there.
    assert 'value="ana@example.org"' in html
    assert form_urls.SUBMISSIONS == []


def test_rate_limit_counts_each_client_separately(client, home):
    for _ in range(3):
        client.post("/es/inscripcion/", VALID, REMOTE_ADDR="10.0.0.1")
    response = client.post("/es/inscripcion/", VALID, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


@override_settings(RATELIMIT_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_behind_a_proxy_the_forwarded_address_counts(client, home):
    for _ in range(3):
        client.post("/es/inscripcion/", VALID, HTTP_X_FORWARDED_FOR="1.1.1.1, 10.0.0.9")
    # A visitor cannot escape by forging the start of the header.
    blocked = client.post(
        "/es/inscripcion/", VALID, HTTP_X_FORWARDED_FOR="2.2.2.2, 10.0.0.9"
    )
    assert blocked.status_code == 429
    other = client.post("/es/inscripcion/", VALID, HTTP_X_FORWARDED_FOR="10.0.0.8")
    assert other.status_code == 302


@override_settings(RATELIMIT_ENABLED=False)
@hypothesis_settings(max_examples=30, deadline=None)
@given(
    data=st.dictionaries(
        st.sampled_from(["name", "email", "seats", "language", "consent", "website"]),
        st.one_of(st.text(max_size=80), st.lists(st.text(max_size=20), max_size=3)),
    )
)
def test_any_input_gets_an_answer_never_a_server_error(data):
    from django.test import Client

    response = Client().post("/es/inscripcion/", data)
    # The form again with its errors, or the thank-you redirect.
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Hay un problema" in response.content.decode()
