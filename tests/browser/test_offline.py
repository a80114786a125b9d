"""A town kept for offline use, in a real browser: one tap keeps the
town's page, its sheet and its services; without a signal they open and
say when they were kept, and any other page gives the offline page, which
lists what is kept."""

import pytest
from playwright.sync_api import expect

from directory.factories import DirectoryIndexPageFactory, PhoneFactory, ServiceFactory
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 640}


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


def test_a_town_kept_for_offline_opens_without_a_signal(
    directory, live_server, browser, artifacts
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    town = f"{live_server.url}/es/buscar-ayuda/municipio/tapachula/"
    page.goto(town)
    _wait_for_the_worker(page)
    page.get_by_role(
        "button", name="Guardar este municipio para usar sin conexión"
    ).click()
    expect(page.locator("[data-offline-keep-status]")).to_have_text(
        "Guardado en este teléfono: la página de este municipio, su hoja y sus 2 "
        "servicios se abren sin señal."
    )

    context.set_offline(True)
    # A service page never opened before: kept with its town.
    page.goto(f"{live_server.url}/es/buscar-ayuda/servicio/albergue-belen/")
    expect(page.locator("h1")).to_have_text("Albergue Belén")
    expect(page.locator("[data-offline-kept]")).to_contain_text(
        "Guardada en este teléfono el"
    )
    call = page.get_by_role("link", name="Llamar Albergue Belén")
    assert call.get_attribute("href") == "tel:+529625550123"
    # The kept copy holds no form token.
    assert page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute(
        "value"
    ) in ("", None)
    page.screenshot(path=artifacts / "offline-service-phone.png", full_page=True)
    # The kept copy keeps the page's security policy.
    kept_response = page.goto(
        f"{live_server.url}/es/buscar-ayuda/servicio/comedor-tapachula/"
    )
    assert "script-src 'self'" in kept_response.headers["content-security-policy"]
    page.goto(f"{live_server.url}/es/buscar-ayuda/municipio/tapachula/imprimir/")
    expect(page.locator("h1")).to_have_text("Ayuda en Tapachula")

    # A page not kept: the offline page, listing what is.
    page.goto(f"{live_server.url}/es/buscar-ayuda/municipio/arriaga/")
    expect(page.locator("h1")).to_have_text("Sin conexión")
    kept = page.locator("[data-offline-pages] a")
    expect(kept).to_have_count(4)
    assert sorted(kept.all_inner_texts()) == [
        "Albergue Belén",
        "Ayuda en Tapachula",
        "Ayuda en Tapachula · Hoja para imprimir (A4)",
        "Comedor Tapachula",
    ]
    expect(page.locator("[data-offline-none]")).to_be_hidden()
    page.screenshot(path=artifacts / "offline-page-phone.png", full_page=True)
    page.locator("[data-offline-pages]").get_by_role(
        "link", name="Comedor Tapachula"
    ).click()
    expect(page.locator("h1")).to_have_text("Comedor Tapachula")

    # The English offline page too.
    page.goto(f"{live_server.url}/en/find-help/town/arriaga/")
    expect(page.locator("h1")).to_have_text("No connection")
    context.close()
