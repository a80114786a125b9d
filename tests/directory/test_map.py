"""The directory's optional map: the points a listing carries (never a
confidential shelter), Leaflet from the site's own static files, and the tile
host allowed by the page's policy only where the map is offered."""

import json
import re

from django.contrib.staticfiles import finders

import pytest

from directory.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

POINTS = re.compile(
    r'<script id="directory-map-points" type="application/json">(.*?)</script>', re.S
)


@pytest.fixture
def listed(directory_page_en):
    """A public shelter with coordinates, a confidential one in the same
    town, and a public service without coordinates."""
    ServiceFactory(
        name="Albergue Belén",
        slug="albergue-belen",
        location__latitude="14.905000",
        location__longitude="-92.263000",
    )
    secret = LocationFactory(
        is_confidential=True, latitude="14.917283", longitude="-92.251977"
    )
    ServiceFactory(
        name="Refugio Mariposa",
        slug="refugio-mariposa",
        organization=secret.organization,
        location=secret,
    )
    ServiceFactory(
        name="Asesoría sin mapa",
        location__latitude=None,
        location__longitude=None,
    )


def map_points(html: str) -> list[dict]:
    found = POINTS.search(html)
    return json.loads(found.group(1)) if found else []


@pytest.mark.parametrize(
    "url, service_url",
    [
        ("/es/buscar-ayuda/", "/es/buscar-ayuda/servicio/albergue-belen/"),
        ("/es/buscar-ayuda/municipio/tapachula/", None),
        ("/en/find-help/?q=shelter", "/en/find-help/service/albergue-belen/"),
    ],
)
def test_the_map_places_public_locations_alone(client, listed, url, service_url):
    html = client.get(url).content.decode()
    points = map_points(html)
    assert [point["name"] for point in points] == ["Albergue Belén"]
    (point,) = points
    assert (point["lat"], point["lon"]) == (14.905, -92.263)
    if service_url:
        assert point["url"] == service_url
    assert "Refugio Mariposa" in html  # listed, by text and town
    assert "14.9172" not in html and "92.2519" not in html


def test_the_map_waits_for_the_visitor(client, listed):
    response = client.get("/es/buscar-ayuda/")
    html = response.content.decode()
    section = re.search(r'<section class="directory-map".*?</section>', html, re.S)
    assert section is not None
    # Hidden until the script runs; Leaflet from the site, tiles named only.
    assert " hidden>" in section.group(0).split("\n", 1)[0]
    assert "Ver 1 lugar en un mapa" in section.group(0)
    assert "vienen de OpenStreetMap" in section.group(0)
    assert 'data-leaflet-script="/static/leaflet/leaflet.js"' in html
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert finders.find("leaflet/leaflet.js") and finders.find("leaflet/leaflet.css")
    # No element loads anything from the tile host by itself.
    assert not re.search(r'(src|href)="https://tile\.openstreetmap', html)


def csp_images(response) -> list[str]:
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )
    return policy["img-src"].split()


def test_only_pages_offering_the_map_allow_the_tile_host(client, listed):
    assert "https://tile.openstreetmap.org" in csp_images(
        client.get("/es/buscar-ayuda/")
    )
    assert "https://tile.openstreetmap.org" in csp_images(
        client.get("/es/buscar-ayuda/municipio/tapachula/")
    )
    service_page = client.get("/es/buscar-ayuda/servicio/albergue-belen/")
    assert csp_images(service_page) == ["'self'", "data:"]
    # Nothing found with a position: no map, no other host allowed.
    nothing = client.get("/es/buscar-ayuda/?q=mariposa")
    assert "Refugio Mariposa" in nothing.content.decode()
    assert map_points(nothing.content.decode()) == []
    assert 'class="directory-map"' not in nothing.content.decode()
    assert csp_images(nothing) == ["'self'", "data:"]


def test_no_tile_address_no_map(client, listed, settings):
    settings.DIRECTORY_MAP_TILES = ""
    response = client.get("/es/buscar-ayuda/")
    assert 'class="directory-map"' not in response.content.decode()
    assert csp_images(response) == ["'self'", "data:"]


def test_a_route_maps_the_towns_services(client, listed):
    ServiceFactory(
        name="Comedor Huixtla",
        location__municipality="Huixtla",
        location__latitude="15.139000",
        location__longitude="-92.466000",
    )
    html = client.get(
        "/es/buscar-ayuda/?ruta=tapachula&ruta=huixtla&radio=10"
    ).content.decode()
    assert [point["name"] for point in map_points(html)] == [
        "Albergue Belén",
        "Comedor Huixtla",
    ]
