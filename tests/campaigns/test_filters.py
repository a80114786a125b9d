"""The filters of the campaign list and the materials library
(:mod:`campaigns.filters`): newest first, each filter narrows and filters
combine, unknown values are ignored, pages keep the filters."""

import datetime
import re

import pytest

from campaigns.factories import (
    DialogueMaterialPageFactory,
)
from tests.campaigns.conftest import make_campaign
from tests.utils import add_child

pytestmark = pytest.mark.django_db


def _listing_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_list_is_newest_first_and_each_filter_narrows(
    client, campaign_index, school_theme, work_theme
):
    make_campaign(
        campaign_index,
        title="Vieja",
        start_date=datetime.date(2025, 1, 1),
        themes=[school_theme],
        states=["chiapas"],
    )
    make_campaign(
        campaign_index,
        title="Nueva",
        start_date=datetime.date(2026, 5, 1),
        themes=[work_theme],
        states=["oaxaca", "tabasco"],
    )
    make_campaign(
        campaign_index,
        title="Media",
        start_date=datetime.date(2025, 9, 1),
        themes=[school_theme, work_theme],
        states=["tabasco"],
    )
    url = "/es/campanas/"
    html = client.get(url).content.decode()
    assert _listing_titles(html) == ["Nueva", "Media", "Vieja"]
    assert "3 campañas" in html

    html = client.get(url, {"tema": "escuela"}).content.decode()
    assert _listing_titles(html) == ["Media", "Vieja"]
    assert 'value="escuela" id="tema-escuela" checked' in html

    html = client.get(url, {"estado": "tabasco"}).content.decode()
    assert _listing_titles(html) == ["Nueva", "Media"]
    # Theme counts follow the chosen state.
    assert 'Escuela <span class="muted">(1)</span>' in html
    assert 'Trabajo <span class="muted">(2)</span>' in html

    html = client.get(url, {"tema": "escuela", "estado": "tabasco"}).content.decode()
    assert _listing_titles(html) == ["Media"]

    html = client.get(url, {"tema": ["escuela", "trabajo"]}).content.decode()
    assert _listing_titles(html) == ["Nueva", "Media", "Vieja"]

    html = client.get(url, {"estado": "chiapas", "tema": "trabajo"}).content.decode()
    assert _listing_titles(html) == []
    assert "Ninguna campaña coincide con estos filtros" in html


@pytest.mark.parametrize(
    "query",
    [
        {"tema": "<script>"},
        {"estado": "yucatan"},
        {"page": "zz"},
        {"page": "9999"},
        {"tema": "x" * 5000},
        {"estado": ["chiapas", "\x00"]},
    ],
)
def test_invalid_campaign_filter_values_are_ignored(client, campaign, query):
    response = client.get("/es/campanas/", query)
    assert response.status_code == 200
    assert "Aquí cabemos todas" in response.content.decode()


def test_list_paginates_keeping_filters(client, campaign_index, school_theme, settings):
    settings.CAMPAIGNS_PER_PAGE = 2
    for n in range(3):
        make_campaign(campaign_index, title=f"C{n}", themes=[school_theme])
    html = client.get("/es/campanas/", {"tema": "escuela"}).content.decode()
    assert len(_listing_titles(html)) == 2
    assert 'href="?tema=escuela&amp;page=2"' in html
    html = client.get("/es/campanas/", {"tema": "escuela", "page": 2}).content.decode()
    assert len(_listing_titles(html)) == 1


def material(library, **fields):
    themes = fields.pop("themes", [])
    page = DialogueMaterialPageFactory.build(**fields)
    page.themes = themes
    return add_child(library, page)


def _titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_each_material_filter_narrows_and_filters_combine(
    client, library, school_theme, work_theme
):
    material(
        library,
        title="A",
        audiences=["teachers"],
        format="guide",
        material_language="es",
        duration_minutes=30,
        themes=[school_theme],
    )
    material(
        library,
        title="B",
        audiences=["youth", "faith"],
        format="video",
        material_language="tzo",
        duration_minutes=60,
        themes=[work_theme],
    )
    material(
        library,
        title="C",
        audiences=["media"],
        format="poster",
        material_language="es",
        duration_minutes=120,
        themes=[school_theme, work_theme],
    )
    url = library.url
    assert _titles(client.get(url).content.decode()) == ["A", "B", "C"]
    for query, expected in [
        ({"publico": "faith"}, ["B"]),
        ({"tema": "escuela"}, ["A", "C"]),
        ({"formato": "poster"}, ["C"]),
        ({"idioma": "es"}, ["A", "C"]),
        ({"duracion": "long"}, ["C"]),
        ({"duracion": ["short", "medium"]}, ["A", "B"]),
        ({"idioma": "es", "tema": "trabajo"}, ["C"]),
        ({"publico": "teachers", "formato": "video"}, []),
    ]:
        html = client.get(url, query).content.decode()
        assert _titles(html) == expected, query
    html = client.get(url, {"idioma": "es"}).content.decode()
    assert 'Trabajo <span class="muted">(1)</span>' in html


@pytest.mark.parametrize(
    "query",
    [{"publico": "aliens"}, {"duracion": "-1"}, {"page": "x"}, {"formato": "\x00"}],
)
def test_invalid_material_filter_values_are_ignored(client, library, query):
    material(library, title="A")
    response = client.get(library.url, query)
    assert response.status_code == 200
    assert _titles(response.content.decode()) == ["A"]
