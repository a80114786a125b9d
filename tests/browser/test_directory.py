"""Finding help from a phone, in a real browser without JavaScript: filter
the directory by type and town, open a shelter, see how to call, report
wrong information; a confidential shelter shows its town only. Every page
passes the automated accessibility checks and requests nothing from other
sites."""

import io
import re
from datetime import time
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from directory.factories import (
    DirectoryIndexPageFactory,
    LocationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
)
from directory.models import WrongInformationReport
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def directory(home, english, settings):
    settings.RATELIMIT_ENABLED = False
    page = add_child(home, DirectoryIndexPageFactory.build())
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(page, english, title="Find help", slug="find-help")
    shelter = ServiceFactory(
        name="Albergue Belén",
        slug="albergue-belen",
        location__municipality="Tapachula",
        location__address_1="Avenida Norte 40",
    )
    PhoneFactory(service=shelter, number="+52 962 555 0123", whatsapp=True)
    ScheduleFactory(service=shelter, weekday=0, opens_at=time(8), closes_at=time(20))
    ServiceFactory(
        name="Comedor Arriaga", location__municipality="Arriaga", types=["food"]
    )
    secret = LocationFactory(
        municipality="Tapachula", is_confidential=True, address_1="Callejón Secreto 9"
    )
    refuge = ServiceFactory(
        name="Refugio Mariposa",
        slug="refugio-mariposa",
        organization=secret.organization,
        location=secret,
        types=["trafficking"],
    )
    PhoneFactory(service=refuge, number="+52 962 555 0777", whatsapp=True)
    return page


def test_finding_a_shelter_from_a_phone_without_javascript(
    directory, live_server, browser, record, artifacts, accessibility_violations
):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    recorder = record(page)

    page.goto(f"{live_server.url}/es/buscar-ayuda/")
    expect(page.locator("h1")).to_have_text("Buscar ayuda")
    # The search box first, and the first result on the first screen.
    box = page.get_by_label("¿Qué necesitas?")
    assert box.bounding_box()["y"] < 640
    box.fill("donde puedo dormir")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?.*q=donde\+puedo\+dormir"))
    # A shelter first (on the first screen of a 360 x 640 phone).
    first = page.locator(".directory-row").first
    assert first.locator("h3").inner_text().startswith("Albergue")
    assert first.bounding_box()["y"] + 40 < 640
    # The filters are folded away until asked for.
    town = page.get_by_label(re.compile("^Tapachula"))
    expect(town).not_to_be_visible()
    page.get_by_text("Filtros y lugar").click()
    # "Use my location" needs the script: without it, it is not offered.
    expect(page.get_by_role("button", name="Usar mi ubicación")).to_be_hidden()
    town.check()
    page.get_by_role("button", name="Aplicar").click()
    expect(page).to_have_url(re.compile(r"\?.*municipio=tapachula"))
    expect(page).to_have_url(re.compile(r"\?.*q=donde"))
    page.screenshot(path=artifacts / "directory-listing-phone.png", full_page=True)
    # Without words, still in Tapachula: every service there.
    page.get_by_label("¿Qué necesitas?").fill("")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?.*municipio=tapachula"))
    expect(page.locator("body")).to_contain_text("Refugio Mariposa")
    expect(page.locator("body")).not_to_contain_text("Comedor Arriaga")

    page.get_by_role("link", name="Albergue Belén", exact=True).click()
    expect(page.locator("h1")).to_have_text("Albergue Belén")
    call = page.get_by_role("link", name=re.compile("^Llamar"))
    assert call.get_attribute("href") == "tel:+529625550123"
    assert (
        page.get_by_role("link", name=re.compile("^WhatsApp")).first.get_attribute(
            "href"
        )
        == "https://wa.me/529625550123"
    )
    page.screenshot(path=artifacts / "directory-service-phone.png", full_page=True)

    # The report form: an empty report shows the error by the field.
    page.get_by_role("button", name="Enviar reporte").click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.get_by_label("¿Qué está mal o ya no es así?").fill("Ya no abren los lunes.")
    page.get_by_role("button", name="Enviar reporte").click()
    expect(page.locator("body")).to_contain_text("Gracias")
    assert (
        WrongInformationReport.objects.get().what_is_wrong == "Ya no abren los lunes."
    )

    page.goto(f"{live_server.url}/en/find-help/service/refugio-mariposa/")
    content = page.content()
    assert "the address is given by phone" in content
    assert "Callejón Secreto" not in content

    page.goto(f"{live_server.url}/es/buscar-ayuda/municipio/tapachula/imprimir/")
    page.emulate_media(media="print")
    pdf_ready = page.locator("h1").inner_text()
    assert pdf_ready == "Ayuda en Tapachula"

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    context.close()

    # axe needs JavaScript to run; the pages themselves do not.
    checked = browser.new_context(viewport=PHONE)
    page = checked.new_page()
    page.set_default_timeout(10_000)
    problems = {}
    for path in (
        "/es/buscar-ayuda/?tipo=shelter",
        "/es/buscar-ayuda/servicio/albergue-belen/",
        "/en/find-help/service/refugio-mariposa/",
    ):
        page.goto(live_server.url + path)
        problems[path] = accessibility_violations(page)
    assert {path: found for path, found in problems.items() if found} == {}
    checked.close()


def one_pixel_png() -> bytes:
    image = io.BytesIO()
    Image.new("RGB", (256, 256), "#dfe8e0").save(image, "PNG")
    return image.getvalue()


def test_the_map_loads_nothing_from_the_tile_host_until_asked(
    directory, live_server, browser, record, artifacts, accessibility_violations
):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(10_000)
    recorder = record(page)
    tile = one_pixel_png()
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=tile),
    )
    live_host = urlsplit(live_server.url).netloc

    page.goto(f"{live_server.url}/es/buscar-ayuda/municipio/tapachula/")
    open_map = page.get_by_role("button", name="Ver 1 lugar en un mapa")
    expect(open_map).to_be_visible()
    assert "vienen de OpenStreetMap" in page.locator(".directory-map").inner_text()
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    assert not [u for u in recorder.requests if "leaflet" in u]

    open_map.click()
    # One marker: the public shelter; the confidential refuge is not placed.
    markers = page.locator(".directory-map path.leaflet-interactive")
    expect(markers).to_have_count(1)
    expect(open_map).to_be_hidden()
    expect(page.locator(".leaflet-tile-loaded").first).to_be_attached()
    leaflet = [u for u in recorder.requests if "/static/leaflet/" in u]
    assert leaflet and all(urlsplit(u).netloc == live_host for u in leaflet)
    hosts = {urlsplit(u).netloc for u in recorder.requests} - {live_host}
    assert hosts == {"tile.openstreetmap.org"}
    expect(page.locator(".leaflet-control-attribution")).to_contain_text(
        "OpenStreetMap"
    )
    markers.first.dispatch_event("click")
    popup = page.locator(".leaflet-popup-content a")
    expect(popup).to_have_text("Albergue Belén")
    assert popup.get_attribute("href") == "/es/buscar-ayuda/servicio/albergue-belen/"
    assert "Mariposa" not in page.locator(".directory-map").inner_text()
    assert recorder.console_errors == []
    page.screenshot(path=artifacts / "directory-map-phone.png", full_page=True)
    assert accessibility_violations(page) == []
    context.close()

    # Without JavaScript the map is not offered at all; the list remains.
    bare = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = bare.new_page()
    page.goto(f"{live_server.url}/es/buscar-ayuda/municipio/tapachula/")
    expect(page.locator(".directory-map")).to_be_hidden()
    expect(page.locator("body")).to_contain_text("Refugio Mariposa")
    bare.close()
