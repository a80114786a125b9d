"""The public addresses of the sign-up, in the visitor's language: Spanish
under /es/, English under /en/; the Spanish ones under /en/ (from before the
addresses were translated) and the old "my data" ones lead, permanently, to
the right page."""

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from networks.factories import VolunteerFactory
from networks.models import Volunteer
from tests.utils import token_in

pytestmark = pytest.mark.django_db

ADDRESSES = [
    ("networks:signup", False, "voluntariado/inscripcion/", "volunteering/sign-up/"),
    (
        "networks:signup_sent",
        False,
        "voluntariado/inscripcion/revisa-tu-correo/",
        "volunteering/sign-up/check-your-email/",
    ),
    (
        "networks:resend_confirmation",
        False,
        "voluntariado/inscripcion/reenviar-confirmacion/",
        "volunteering/sign-up/resend-confirmation/",
    ),
    (
        "networks:confirm",
        True,
        "voluntariado/confirmar/{token}/",
        "volunteering/confirm/{token}/",
    ),
    (
        "networks:conduct",
        True,
        "voluntariado/codigo-de-conducta/{token}/",
        "volunteering/code-of-conduct/{token}/",
    ),
]


def url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize(("name", "token", "spanish", "english"), ADDRESSES)
def test_each_address_reads_in_its_language(name, token, spanish, english):
    args = ["abc"] if token else []
    assert url(name, "es", *args) == "/es/" + spanish.format(token="abc")
    assert url(name, "en", *args) == "/en/" + english.format(token="abc")


def test_the_sign_up_form_answers_in_both_languages(client, network_a):
    spanish = client.get("/es/voluntariado/inscripcion/")
    assert spanish.status_code == 200
    assert "<h1>Inscríbete como persona voluntaria</h1>" in (spanish.content.decode())
    english = client.get("/en/volunteering/sign-up/")
    assert english.status_code == 200
    assert "<h1>Sign up as a volunteer</h1>" in english.content.decode()


def test_the_language_switcher_leads_to_the_other_languages_address(client, network_a):
    html = client.get("/es/voluntariado/inscripcion/").content.decode()
    assert 'href="/en/volunteering/sign-up/" hreflang="en"' in html
    html = client.get("/en/volunteering/sign-up/").content.decode()
    assert 'href="/es/voluntariado/inscripcion/" hreflang="es"' in html


@pytest.mark.parametrize(("name", "token", "spanish", "english"), ADDRESSES)
def test_a_spanish_address_under_en_moves_permanently_with_its_query(
    client, name, token, spanish, english
):
    path = spanish.format(token="abc")
    response = client.get(f"/en/{path}", {"red": "red-tapachula"})
    assert response.status_code == 301
    assert response["Location"] == (
        "/en/" + english.format(token="abc") + "?red=red-tapachula"
    )


def test_an_english_sign_up_is_confirmed_at_english_addresses(
    client, signup_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("networks:signup", "en"), signup_data)
    assert response["Location"] == "/en/volunteering/sign-up/check-your-email/"
    (confirmation,) = mail.outbox
    volunteer = Volunteer.objects.get()
    token = token_in(confirmation.body, "/en/volunteering/confirm/")
    assert Volunteer.from_confirmation_token(token) == volunteer
    assert "/en/my-data/" in confirmation.body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("networks:confirm", "en", token))
    welcome = mail.outbox[-1]
    conduct = token_in(welcome.body, "/en/volunteering/code-of-conduct/")
    assert Volunteer.from_conduct_token(conduct) == volunteer


def test_an_old_confirmation_link_under_en_still_confirms(
    client, network_a, django_capture_on_commit_callbacks
):
    volunteer = VolunteerFactory(network=network_a, confirmed_at=None, language="en")
    # One token: a signed token made a second later differs.
    token = volunteer.confirmation_token()
    response = client.get(f"/en/voluntariado/confirmar/{token}/", follow=True)
    assert response.redirect_chain == [(f"/en/volunteering/confirm/{token}/", 301)]
    assert "Confirm my sign-up" in response.content.decode()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/es/voluntariado/mis-datos/", "/es/mis-datos/"),
        ("/en/voluntariado/mis-datos/", "/en/my-data/"),
        ("/es/voluntariado/mis-datos/enviado/", "/es/mis-datos/enviado/"),
        ("/en/voluntariado/mis-datos/enviado/", "/en/my-data/sent/"),
        ("/en/voluntariado/mis-datos-borrados/", "/en/my-data/deleted/"),
    ],
)
def test_the_old_my_data_addresses_land_on_the_page_in_its_language(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
