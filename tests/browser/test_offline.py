"""A town kept for offline use, in a real browser, in Spanish and in
English: one tap keeps the town's page, its sheet and its services; without
a signal they open and say when they were kept, and any other page gives the
offline page, which lists what is kept. Keeping needs JavaScript: without it
the button is not offered, and the town's page still works."""

import pytest
from playwright.sync_api import expect

from directory.factories import DirectoryIndexPageFactory, PhoneFactory, ServiceFactory
from tests.browser.journeys import VARIANTS, phone
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What each language shows along the way (the site's own texts).
WORDS = {
    "es": {
        "town": "/es/buscar-ayuda/municipio/tapachula/",
        "help_in": "Ayuda en Tapachula",
        "keep": "Guardar este municipio para usar sin conexión",
        "kept": "Guardado en este teléfono: la página de este municipio, su hoja "
        "y sus 2 servicios se abren sin señal.",
        "service": "/es/buscar-ayuda/servicio/albergue-belen/",
        "kept_on": "Guardada en este teléfono el",
        "call": "Llamar Albergue Belén",
        "sheet": "/es/buscar-ayuda/municipio/tapachula/imprimir/",
        "other_town": "/es/buscar-ayuda/municipio/arriaga/",
        "offline": "Sin conexión",
        "sheet_title": "Ayuda en Tapachula · Hoja para imprimir (A4)",
    },
    "en": {
        "town": "/en/find-help/town/tapachula/",
        "help_in": "Help in Tapachula",
        "keep": "Keep this town for offline",
        "kept": "Kept on this phone: this town\u2019s page, its sheet and its 2 "
        "services open without a signal.",
        "service": "/en/find-help/service/albergue-belen/",
        "kept_on": "Kept on this phone on",
        "call": "Call Albergue Belén",
        "sheet": "/en/find-help/town/tapachula/print/",
        "other_town": "/en/find-help/town/arriaga/",
        "offline": "No connection",
        "sheet_title": "Help in Tapachula · Printable sheet (A4)",
    },
}


@pytest.fixture
def directory(home, english):
    page = add_child(home, DirectoryIndexPageFactory.build())
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(page, english, title="Find help", slug="find-help")
    shelter = ServiceFactory(name="Albergue Belén", slug="albergue-belen")
    PhoneFactory(service=shelter, number="+52 962 555 0123")
    ServiceFactory(name="Comedor Tapachula", slug="comedor-tapachula")
    ServiceFactory(name="Comedor Arriaga", location__municipality="Arriaga")
    return page


def _wait_for_the_worker(page):
    """Until the site's worker controls the page (polled: the page's policy
    forbids the evaluated strings Playwright's wait_for_function uses)."""
    for _ in range(100):
        if page.evaluate("() => navigator.serviceWorker.controller !== null"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never took control")


@pytest.mark.parametrize("language, javascript", VARIANTS)
def test_a_town_kept_for_offline_opens_without_a_signal(
    language, javascript, directory, live_server, browser, record, artifacts
):
    words = WORDS[language]
    context = phone(browser, javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    recorder = record(page)
    page.goto(live_server.url + words["town"])
    expect(page.locator("h1")).to_have_text(words["help_in"])
    keep = page.get_by_role("button", name=words["keep"])
    if not javascript:
        expect(keep).to_be_hidden()
        expect(page.locator("body")).to_contain_text("Albergue Belén")
        context.close()
        return

    _wait_for_the_worker(page)
    keep.click()
    expect(page.locator("[data-offline-keep-status]")).to_have_text(words["kept"])

    context.set_offline(True)
    # A service page never opened before: kept with its town.
    page.goto(live_server.url + words["service"])
    expect(page.locator("h1")).to_have_text("Albergue Belén")
    expect(page.locator("[data-offline-kept]")).to_contain_text(words["kept_on"])
    call = page.get_by_role("link", name=words["call"])
    expect(call).to_have_attribute("href", "tel:+529625550123")
    # The kept copy holds no form token.
    assert page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute(
        "value"
    ) in ("", None)
    page.screenshot(
        path=artifacts / f"offline-service-phone-{language}.png", full_page=True
    )
    # The kept copy keeps the page's security policy.
    kept_response = page.goto(
        live_server.url
        + words["service"].replace("albergue-belen", "comedor-tapachula")
    )
    assert "script-src 'self'" in kept_response.headers["content-security-policy"]
    page.goto(live_server.url + words["sheet"])
    expect(page.locator("h1")).to_have_text(words["help_in"])

    # A page not kept: the offline page, listing what is.
    page.goto(live_server.url + words["other_town"])
    expect(page.locator("h1")).to_have_text(words["offline"])
    kept = page.locator("[data-offline-pages] a")
    expect(kept).to_have_count(4)
    assert sorted(kept.all_inner_texts()) == sorted(
        ["Albergue Belén", words["help_in"], words["sheet_title"], "Comedor Tapachula"]
    )
    expect(page.locator("[data-offline-none]")).to_be_hidden()
    page.screenshot(
        path=artifacts / f"offline-page-phone-{language}.png", full_page=True
    )
    page.locator("[data-offline-pages]").get_by_role(
        "link", name="Comedor Tapachula"
    ).click()
    expect(page.locator("h1")).to_have_text("Comedor Tapachula")
    assert recorder.console_errors == []
    context.close()
