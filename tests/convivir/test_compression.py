"""Pages are sent compressed to the clients that accept it (a prepaid phone
pays for every byte), with the random padding that defeats BREACH, and
plain to those that do not."""

import gzip

import pytest

from directory.factories import DirectoryIndexPageFactory, ServiceFactory
from tests.utils import add_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    page = add_child(home, DirectoryIndexPageFactory.build())
    for n in range(12):
        ServiceFactory(name=f"Albergue {n}", location__municipality="Tapachula")
    return page


def test_a_page_is_compressed_when_the_phone_accepts_it(client, directory):
    plain = client.get("/es/buscar-ayuda/")
    packed = client.get("/es/buscar-ayuda/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content).decode()
    assert "<h1" in html and "Albergue 11" in html
    assert len(packed.content) * 4 < len(plain.content)


def test_each_compressed_page_is_padded_differently(client, directory):
    """BREACH guesses secrets from compressed sizes: Django's middleware
    writes random bytes into each gzip header."""
    first = client.get("/es/buscar-ayuda/", HTTP_ACCEPT_ENCODING="gzip")
    second = client.get("/es/buscar-ayuda/", HTTP_ACCEPT_ENCODING="gzip")
    assert gzip.decompress(first.content) == gzip.decompress(second.content)
    assert first.content != second.content


def test_forms_with_a_csrf_token_are_compressed_too(client, directory):
    service = ServiceFactory(name="Comedor", slug="comedor")
    response = client.get(
        f"/es/buscar-ayuda/servicio/{service.slug}/", HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    assert "csrfmiddlewaretoken" in gzip.decompress(response.content).decode()
