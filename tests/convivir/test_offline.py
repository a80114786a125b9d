"""The directory offline, as the server gives it: the worker at the root,
the manifest, the offline page in both languages, and which pages the
worker may keep (a town's, its sheet, a service's) and which never (admin,
forms' answers, "my data", other pages)."""

import json
import re

import pytest

from convivir.offline import OFFLINE_HEADER
from directory.factories import DirectoryIndexPageFactory, ServiceFactory
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home, english):
    page = add_child(home, DirectoryIndexPageFactory.build())
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(page, english, title="Find help", slug="find-help")
    ServiceFactory(name="Albergue Belén", slug="albergue-belen")
    ServiceFactory(name="Comedor Tapachula", slug="comedor-tapachula")
    ServiceFactory(name="Comedor Arriaga", location__municipality="Arriaga")
    return page


def test_the_worker_is_served_from_the_root_and_never_stale(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    body = response.getvalue().decode()
    shell = json.loads(re.search(r"var SHELL = (\[.*?\]);", body).group(1))
    assert "/static/css/convivir.css" in shell and "/static/js/convivir.js" in shell
    assert "/es/sin-conexion/" in shell and "/en/offline/" in shell
    assert f'var KEEP_HEADER = "{OFFLINE_HEADER}";' in body
    # Only same-origin GETs, never the admin, and the form tokens taken out.
    assert 'request.method !== "GET"' in body
    assert 'url.pathname.indexOf("/admin/") === 0' in body
    assert 'name="csrfmiddlewaretoken" value=' in body


def test_the_manifest_opens_the_site(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Convivir" and manifest["start_url"] == "/"
    assert manifest["lang"] == "es"
    assert manifest["description"].startswith("Ayuda, eventos y voluntariado")
    english = json.loads(
        client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="en").content
    )
    assert english["lang"] == "en"
    assert english["description"].startswith("Help, events and volunteering")
    assert {icon["sizes"] for icon in manifest["icons"]} == {
        "any",
        "192x192",
        "512x512",
    }
    page = client.get("/es/sin-conexion/").getvalue().decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page


@pytest.mark.parametrize(
    "url, heading, hint",
    [
        ("/es/sin-conexion/", "Sin conexión", "Guardar este municipio para usar"),
        ("/en/offline/", "No connection", "Keep this town for offline"),
    ],
)
def test_the_offline_page_in_each_language(client, url, heading, hint):
    html = client.get(url).getvalue().decode()
    assert f"<h1>{heading}</h1>" in html
    assert hint in html and "911" in html
    assert "data-offline-pages" in html


@pytest.mark.parametrize(
    "url",
    [
        "/es/buscar-ayuda/municipio/tapachula/",
        "/en/find-help/town/tapachula/",
        "/es/buscar-ayuda/municipio/tapachula/imprimir/",
        "/es/buscar-ayuda/servicio/albergue-belen/",
    ],
)
def test_town_and_service_pages_may_be_kept(client, directory, url):
    assert client.get(url)[OFFLINE_HEADER] == "keep"


@pytest.mark.parametrize(
    "url",
    [
        "/es/",
        "/es/buscar-ayuda/",
        "/es/buscar-ayuda/servicio/no-existe/",
        "/es/mis-datos/",
        "/es/sin-conexion/",
        "/admin/login/",
    ],
)
def test_other_pages_are_never_kept(client, directory, url):
    assert OFFLINE_HEADER not in client.get(url)


def test_a_report_with_errors_is_not_kept(client, directory):
    response = client.post(
        "/es/buscar-ayuda/servicio/albergue-belen/reportar/", {"what_is_wrong": ""}
    )
    assert response.status_code == 200
    assert OFFLINE_HEADER not in response


def test_a_town_lists_what_keeping_it_keeps(client, directory):
    html = client.get("/es/buscar-ayuda/municipio/tapachula/").getvalue().decode()
    urls = json.loads(
        re.search(
            r'<script id="offline-urls" type="application/json">(.*?)</script>', html
        ).group(1)
    )
    assert urls == [
        "/es/buscar-ayuda/municipio/tapachula/",
        "/es/buscar-ayuda/municipio/tapachula/imprimir/",
        "/es/buscar-ayuda/servicio/albergue-belen/",
        "/es/buscar-ayuda/servicio/comedor-tapachula/",
    ]
    assert "Guardar este municipio para usar sin conexión" in html
