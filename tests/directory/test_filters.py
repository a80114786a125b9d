"""The directory page's filters, beside the search box: types of help
(``tipo``), towns (``municipio``), states, populations, languages and "open
now", each choice counted under the other filters' choices, choices that
would show nothing left out, unknown values ignored, pages that keep the
filters."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def choice(group: str, value: str, label: str, count: int, checked=False) -> str:
    """A filter choice as the page shows it."""
    return (
        f'<input type="checkbox" name="{group}" value="{value}" id="{group}-{value}"'
        f"{' checked' if checked else ''}>\n"
        f'          <label for="{group}-{value}">{label} '
        f'<span class="muted">({count})</span></label>'
    )


@pytest.fixture
def kitchens(shelter):
    ServiceFactory(
        name="Comedor Arriaga",
        location__municipality="Arriaga",
        location__latitude="16.236100",
        location__longitude="-93.898900",
        types=["food"],
    )
    ServiceFactory(
        name="Comedor Tapachula", location__municipality="Tapachula", types=["food"]
    )


def test_directory_home_lists_and_filters(client, directory_page, shelter):
    ServiceFactory(
        name="Comedor Arriaga", location__municipality="Arriaga", types=["food"]
    )
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert '<h1 class="directory-title">Buscar ayuda</h1>' in html
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


def test_each_choice_is_counted_under_the_other_filters(
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
    # Arriaga has no shelter: the type is not offered there.
    html = client.get("/es/buscar-ayuda/", {"municipio": "arriaga"}).content.decode()
    assert 'id="tipo-shelter"' not in html
    assert choice("tipo", "food", "Alimentación", 1) in html


def test_choices_within_a_filter_add_up(client, directory_page, kitchens):
    html = client.get(
        "/es/buscar-ayuda/", {"tipo": ["food", "shelter"]}
    ).content.decode()
    assert "3 servicios" in html
    assert 'href="/es/buscar-ayuda/">Quitar filtros</a>' in html


def test_only_public_towns_and_service_types_are_offered(client, directory_page):
    ServiceFactory(name="Borrador", live=False, location__municipality="Tonalá")
    html = client.get("/es/buscar-ayuda/", {"municipio": "tonala"}).content.decode()
    assert 'id="municipio-tonala"' not in html
    assert "Borrador" not in html
    # A population code is not a type of help: ignored.
    html = client.get("/es/buscar-ayuda/", {"tipo": "families"}).content.decode()
    assert 'id="tipo-families"' not in html


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
    # A page past the last is the last.
    html = client.get("/es/buscar-ayuda/", {"tipo": "food", "page": "99999"}).content
    assert "Comedor 20" in html.decode()
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
    assert 'placeholder="What do you need? e.g. shelter, lawyer, doctor"' in html
    assert "Comedor Arriaga" in html and 'href="/en/find-help/service/' in html
    assert 'href="/en/find-help/service/albergue-belen/"' not in html


def test_the_search_box_reads_what_people_type(client, directory_page_en, kitchens):
    html = client.get("/es/buscar-ayuda/", {"q": "donde puedo dormir hoy"}).content
    html = html.decode()
    # The shelter first; the kitchens say they offer "alojamiento" too.
    first = html.split('class="directory-row__title"', 2)[1]
    assert "Albergue Belén" in first
    assert 'value="donde puedo dormir hoy"' in html
    html = client.get("/en/find-help/", {"q": "soup kitchen arriaga"}).content.decode()
    assert "1 service · in Arriaga" in html and "Comedor Arriaga" in html


def test_a_town_to_search_near_shows_distances(client, directory_page, kitchens):
    html = client.get(
        "/es/buscar-ayuda/", {"cerca": "arriaga", "radio": "10"}
    ).content.decode()
    assert "Comedor Arriaga" in html and "Comedor Tapachula" not in html
    assert "a menos de 10 km de Arriaga" in html and "Arriaga · a 0 km</p>" in html


def test_an_empty_result_suggests_towns_that_have_it(client, directory_page, kitchens):
    html = client.get(
        "/es/buscar-ayuda/", {"q": "comedor", "municipio": "arriaga", "tipo": "shelter"}
    ).content.decode()
    assert "0 servicios" in html
    assert "Ciudades con servicios para esta búsqueda" in html
    assert '?q=comedor&amp;municipio=tapachula">Tapachula</a>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 2000},
        {"q": '"'},
        {"q": "*"},
        {"q": "~"},
        {"q": "("},
        {"q": "AND"},
        {"q": "%"},
        {"q": "_"},
        {"lat": "500", "lon": "-92"},
        {"lat": "nan", "lon": "inf"},
        {"page": "99999"},
        {"radio": "-5"},
        {"orden": "distancia"},
        {"cerca": "<b>"},
        {"abierto": "1"},
    ],
)
def test_any_input_gives_a_normal_page(client, directory_page, kitchens, params):
    response = client.get("/es/buscar-ayuda/", params)
    assert response.status_code == 200
    assert "<b>" not in response.content.decode().split("<main", 1)[-1]


def test_along_a_route_services_are_grouped_town_by_town(
    client, directory_page, kitchens
):
    html = client.get(
        "/es/buscar-ayuda/",
        {"ruta": ["arriaga", "", "tapachula"], "radio": "10", "q": "comedor"},
    ).content.decode()
    assert "A lo largo de tu ruta, a menos de 10 km de cada ciudad" in html
    arriaga, tapachula = html.index("1. Arriaga"), html.index("2. Tapachula")
    assert arriaga < html.index("Comedor Arriaga") < tapachula
    assert tapachula < html.index("Comedor Tapachula")
    assert 'value="arriaga" selected' in html and 'value="tapachula" selected' in html
    # One town is not a route: the plain search.
    html = client.get("/es/buscar-ayuda/", {"ruta": "arriaga"}).content.decode()
    assert "1. Arriaga" not in html and "3 servicios" in html


def test_a_route_resolves_its_services_once(client, directory_page, kitchens):
    """The route's towns are listed; the plain results, not shown beside
    them, are not looked up as well."""
    params = {"ruta": ["arriaga", "tapachula"], "radio": "10", "q": "comedor"}
    client.get("/es/buscar-ayuda/", params)  # the caches warm
    with CaptureQueriesContext(connection) as captured:
        client.get("/es/buscar-ayuda/", params)
    services = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith('SELECT "directory_service".')
    ]
    assert len(services) == 1, services


@pytest.mark.parametrize(
    "params",
    [
        {"radio": "²"},
        {"radio": "9" * 40},
        {"page": "²"},
        {"q": "comedor\x00"},
        {"municipio": "tapachula\x00"},
        {"tipo": "\x00", "poblacion": "\x00", "idioma": "\x00", "estado": "\x00"},
        {"cerca": "\x00", "ruta": ["arriaga\x00", "\x00"]},
    ],
)
def test_odd_characters_and_digits_give_a_normal_page(
    client, directory_page, kitchens, params
):
    response = client.get("/es/buscar-ayuda/", params)
    assert response.status_code == 200


def test_a_nul_in_the_words_is_dropped_and_the_rest_searched(
    client, directory_page, kitchens
):
    html = client.get("/es/buscar-ayuda/", {"q": "come\x00dor"}).content.decode()
    assert "Comedor Arriaga" in html and "Comedor Tapachula" in html
    html = client.get(
        "/es/buscar-ayuda/", {"municipio": "arriaga\x00"}
    ).content.decode()
    assert "Comedor Arriaga" in html and "Comedor Tapachula" not in html


@pytest.mark.postgres
@pytest.mark.parametrize("name", ["q", "municipio", "tipo", "cerca", "ruta"])
def test_a_nul_never_reaches_postgresql(client, directory_page, kitchens, name):
    response = client.get("/es/buscar-ayuda/", {name: "a\x00b"})
    assert response.status_code == 200
    response = client.get("/es/buscar/", {name: "a\x00b"})
    assert response.status_code == 200
