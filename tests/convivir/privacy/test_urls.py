"""The "my data" pages at an address in the visitor's language
(/es/mis-datos/, /en/my-data/); the Spanish addresses under /en/, from
before they were translated, move there permanently."""

from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from convivir.privacy.links import data_link_token, data_link_url

pytestmark = pytest.mark.django_db

EMAIL = "lucia@correo.example"


def url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize(
    ("name", "spanish", "english"),
    [
        ("privacy:request_link", "mis-datos/", "my-data/"),
        ("privacy:link_sent", "mis-datos/enviado/", "my-data/sent/"),
        ("privacy:deleted", "mis-datos/borrados/", "my-data/deleted/"),
    ],
)
def test_each_page_reads_in_its_language(client, name, spanish, english):
    assert url(name, "es") == f"/es/{spanish}"
    assert url(name, "en") == f"/en/{english}"
    assert client.get(f"/es/{spanish}").status_code == 200
    assert client.get(f"/en/{english}").status_code == 200


def test_the_pages_behind_a_link_read_in_their_language():
    assert url("privacy:my_data", "es", "abc") == "/es/mis-datos/abc/"
    assert url("privacy:my_data", "en", "abc") == "/en/my-data/abc/"
    assert url("privacy:download", "es", "abc") == "/es/mis-datos/abc/descargar/"
    assert url("privacy:download", "en", "abc") == "/en/my-data/abc/download/"
    assert url("privacy:delete", "es", "abc") == "/es/mis-datos/abc/borrar/"
    assert url("privacy:delete", "en", "abc") == "/en/my-data/abc/delete/"


def test_the_english_link_opens_the_english_page(client):
    link = data_link_url(EMAIL, "en")
    assert "/en/my-data/" in link
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Your data</h1>" in html
    assert "We keep no data under this address." in html


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/en/mis-datos/", "/en/my-data/"),
        ("/en/mis-datos/enviado/", "/en/my-data/sent/"),
        ("/en/mis-datos/borrados/", "/en/my-data/deleted/"),
        ("/en/mis-datos/abc/", "/en/my-data/abc/"),
        ("/en/mis-datos/abc/descargar/", "/en/my-data/abc/download/"),
        ("/en/mis-datos/abc/borrar/", "/en/my-data/abc/delete/"),
    ],
)
def test_a_spanish_address_under_en_moves_permanently_with_its_query(client, old, new):
    response = client.get(old, {"a": "1"})
    assert response.status_code == 301
    assert response["Location"] == f"{new}?a=1"


def test_an_old_english_link_still_opens_the_persons_data(client):
    token = data_link_token(EMAIL)
    response = client.get(f"/en/mis-datos/{token}/", follow=True)
    assert response.redirect_chain == [(f"/en/my-data/{token}/", 301)]
    assert "<h1>Your data</h1>" in response.content.decode()


def test_asking_for_a_link_in_english_stays_in_english(client):
    response = client.post(url("privacy:request_link", "en"), {"email": EMAIL})
    assert response.status_code == 302
    assert response["Location"] == "/en/my-data/sent/"
    assert mail.outbox == []
