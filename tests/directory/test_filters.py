"""The directory page's filter: one type of help (``tipo``) and one town
(``municipio``), each choice counted under the other filter's choice, an
"Any" choice to clear each, unknown values ignored, pages that keep the
filter."""

import pytest

from directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def choice(group: str, value: str, label: str, count: int, checked=False) -> str:
    """A filter choice as the page shows it."""
    return (
        f'<input type="radio" name="{group}" value="{value}" id="{group}-{value}"'
        f"{' checked' if checked else ''}>\n"
        f'      <label for="{group}-{value}">{label} '
        f'<span class="muted">({count})</span></label>'
    )


@pytest.fixture
def kitchens(shelter):
    ServiceFactory(
        name="Comedor Arriaga", location__municipality="Arriaga", types=["food"]
    )
    ServiceFactory(
        name="Comedor Tapachula", location__municipality="Tapachula", types=["food"]
    )


def test_directory_home_lists_and_filters(client, directory_page, shelter):
    ServiceFactory(
        name="Comedor Arriaga", location__municipality="Arriaga", types=["food"]
    )
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert "<h1>Buscar ayuda</h1>" in html
    assert 'href="/es/buscar-ayuda/servicio/albergue-belen/"' in html
    assert "Comedor Arriaga" in html
    assert "2 servicios" in html

    html = client.get("/es/buscar-ayuda/", {"municipio": "arriaga"}).content.decode()
    assert "Comedor Arriaga" in html and "Albergue Belén" not in html
    html = client.get("/es/buscar-ayuda/", {"tipo": "shelter"}).content.decode()
    assert "Albergue Belén" in html and "Comedor Arriaga" not in html
    assert 'value="shelter" id="tipo-shelter" checked' in html
    # Unknown values are ignored, never an error.
    response = client.get("/es/buscar-ayuda/", {"tipo": "<x>", "page": "zz"})
    assert response.status_code == 200 and "2 servicios" in response.content.decode()


def test_each_choice_is_counted_under_the_other_filter(
    client, directory_page, kitchens
):
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert choice("tipo", "shelter", "Albergue", 1) in html
    assert choice("tipo", "food", "Alimentación", 2) in html
    assert choice("municipio", "tapachula", "Tapachula", 2) in html
    assert choice("municipio", "arriaga", "Arriaga", 1) in html

    html = client.get("/es/buscar-ayuda/", {"tipo": "food"}).content.decode()
    assert "2 servicios" in html
    assert choice("tipo", "food", "Alimentación", 2, checked=True) in html
    assert choice("tipo", "shelter", "Albergue", 1) in html
    assert choice("municipio", "tapachula", "Tapachula", 1) in html
    assert choice("municipio", "arriaga", "Arriaga", 1) in html

    html = client.get(
        "/es/buscar-ayuda/", {"tipo": "food", "municipio": "tapachula"}
    ).content.decode()
    assert "1 servicio<" in html and "Comedor Tapachula" in html
    assert choice("tipo", "shelter", "Albergue", 1) in html
    assert choice("tipo", "food", "Alimentación", 1, checked=True) in html
    assert choice("municipio", "tapachula", "Tapachula", 1, checked=True) in html


def test_any_clears_one_filter_and_keeps_the_other(client, directory_page, kitchens):
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert 'value="" id="tipo--any" checked>' in html
    assert 'value="" id="municipio--any" checked>' in html
    assert '<label for="tipo--any">Cualquiera</label>' in html

    html = client.get(
        "/es/buscar-ayuda/", {"tipo": "", "municipio": "arriaga"}
    ).content.decode()
    assert "1 servicio<" in html and "Comedor Arriaga" in html
    assert 'value="" id="tipo--any" checked>' in html
    assert 'value="" id="municipio--any">' in html
    assert 'href="/es/buscar-ayuda/">Quitar filtros</a>' in html


def test_only_public_towns_and_service_types_are_offered(client, directory_page):
    ServiceFactory(name="Borrador", live=False, location__municipality="Tonalá")
    html = client.get("/es/buscar-ayuda/", {"municipio": "tonala"}).content.decode()
    assert 'id="municipio-tonala"' not in html
    assert "Borrador" not in html
    # A population code is not a type of help: ignored.
    html = client.get("/es/buscar-ayuda/", {"tipo": "families"}).content.decode()
    assert 'id="tipo-families"' not in html and 'id="tipo--any" checked' in html


def test_pages_keep_the_filter_and_the_towns_have_their_pages(
    client, directory_page, settings
):
    for n in range(21):
        ServiceFactory(name=f"Comedor {n:02}", types=["food"])
    ServiceFactory(name="Casa Arriaga", location__municipality="Arriaga")
    html = client.get("/es/buscar-ayuda/", {"tipo": "food"}).content.decode()
    assert "21 servicios" in html
    assert 'href="?tipo=food&amp;page=2"' in html
    html = client.get("/es/buscar-ayuda/", {"tipo": "food", "page": "2"}).content
    assert "Comedor 20" in html.decode() and "Comedor 00" not in html.decode()
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert (
        '<ul class="directory-towns"><li><a href="/es/buscar-ayuda/municipio/arriaga/">'
        'Arriaga</a></li><li><a href="/es/buscar-ayuda/municipio/tapachula/">'
        "Tapachula</a></li></ul>"
    ) in html


def test_the_english_directory_offers_the_same_filter_in_english(
    client, directory_page_en, kitchens
):
    html = client.get("/en/find-help/", {"tipo": "food"}).content.decode()
    assert choice("tipo", "food", "Food", 2, checked=True) in html
    assert "<legend>Type of help</legend>" in html
    assert '<label for="tipo--any">Any</label>' in html
    assert 'href="/en/find-help/town/arriaga/"' in html
    assert 'href="/en/find-help/service/albergue-belen/"' not in html
