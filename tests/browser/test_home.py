"""The home page in a real browser, as a visitor on a slow phone gets it."""

import io
from urllib.parse import urlsplit

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from convivir.factories import ContentPageFactory
from convivir.models import HomePage
from tests.browser.first_screen import (
    first_screen_does_the_job,
    quick_exit_leaves_for_a_neutral_site,
)
from tests.browser.page_checks import every_page_type_passes_the_checks
from tests.utils import add_child

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGE_WEIGHT_LIMIT = 150 * 1024
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def live_demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.SERVE_MEDIA = True
    call_command("load_demo", "--allow-production", stdout=io.StringIO())


def test_a_phone_reader_on_the_demo_site(
    live_demo, live_server, browser, record, artifacts, accessibility_violations
):
    """One visit of the whole demo (loading it takes most of the time): the
    home page is light and self-contained, the pages pass the automated
    accessibility checks and work without JavaScript."""
    _home_page_is_light_and_self_contained(live_server, browser, record, artifacts)
    _pages_pass_automated_accessibility_checks(
        live_server, browser, accessibility_violations
    )
    _pages_work_without_javascript(live_server, browser, artifacts)
    first_screen_does_the_job(live_server, browser, artifacts)
    quick_exit_leaves_for_a_neutral_site(live_server, browser)
    every_page_type_passes_the_checks(
        live_server, browser, record, accessibility_violations
    )


def _home_page_is_light_and_self_contained(live_server, browser, record, artifacts):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    recorder = record(page)

    response = page.goto(f"{live_server.url}/es/", wait_until="load")
    page.wait_for_load_state("networkidle")

    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Convivir: comunidades que acogen")
    assert recorder.console_errors == []
    live_host = urlsplit(live_server.url).netloc
    foreign = [url for url in recorder.requests if urlsplit(url).netloc != live_host]
    assert foreign == [], f"Requests left the site: {foreign}"
    assert all(r.status < 400 for r in recorder.responses), [
        (r.url, r.status) for r in recorder.responses if r.status >= 400
    ]
    weight = recorder.transferred_bytes()
    assert 0 < weight <= PAGE_WEIGHT_LIMIT, f"{weight} bytes transferred"
    page.screenshot(path=str(artifacts / "home-es-phone.png"), full_page=True)

    # The first Tab reaches the skip link, which leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == (
        "Saltar al contenido principal"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # The language switcher leads to the English home page.
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    assert page.url == f"{live_server.url}/en/"
    expect(page.locator("h1")).to_have_text("Convivir: communities that welcome")
    page.screenshot(path=str(artifacts / "home-en-phone.png"), full_page=True)
    context.close()


ACCESSIBILITY_PATHS = [
    "/es/",
    "/en/",
    "/es/conoce-tus-derechos/",
    "/en/staying-safe-on-the-road/",
    "/es/aviso-de-privacidad/",
    "/es/no-existe/",
]


def _pages_pass_automated_accessibility_checks(
    live_server, browser, accessibility_violations
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found = {}
    for path in ACCESSIBILITY_PATHS:
        page.goto(f"{live_server.url}{path}", wait_until="networkidle")
        found[path] = accessibility_violations(page)
    assert found == {path: [] for path in ACCESSIBILITY_PATHS}
    context.close()


def _pages_work_without_javascript(live_server, browser, artifacts):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/es/seguridad-en-el-camino/")
    # Questions open without a script (<details>).
    question = page.get_by_text("Protege tus documentos")
    question.click()
    expect(page.get_by_text("Toma fotos de tus documentos")).to_be_visible()
    # The rest of the menu opens without a script too (<details>).
    menu = page.locator(".site-menu")
    expect(menu.get_by_role("link", name="Conoce tus derechos")).to_be_hidden()
    menu.get_by_text("Menú").click()
    menu.get_by_role("link", name="Conoce tus derechos").click()
    expect(page.locator("h1")).to_have_text("Conoce tus derechos")
    page.screenshot(path=str(artifacts / "rights-es-nojs.png"), full_page=True)
    context.close()


def test_video_loads_nothing_until_the_reader_asks(live_server, browser, record):
    home = HomePage.objects.get(locale__language_code="es", depth=2)
    add_child(
        home,
        ContentPageFactory.build(
            title="Testimonios",
            slug="testimonios",
            body=[
                (
                    "video",
                    {
                        "url": "https://www.youtube.com/watch?v=abc123XYZ_0",
                        "title": "Voces del camino",
                        "description": "",
                    },
                )
            ],
        ),
    )
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    # No network here: answer the player's request locally, and note it.
    player_requests = []

    def fake_player(route):
        player_requests.append(route.request.url)
        route.fulfill(status=200, body="<p>player</p>", content_type="text/html")

    page.route("https://www.youtube-nocookie.com/**", fake_player)
    recorder = record(page)
    page.goto(f"{live_server.url}/es/testimonios/")
    page.wait_for_load_state("networkidle")
    assert player_requests == []
    assert page.locator("iframe").count() == 0
    live_host = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in recorder.requests} == {live_host}

    page.get_by_role("button", name="Ver el video aquí").click()
    frame = page.locator("iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/abc123XYZ_0"
    )
    assert frame.get_attribute("title") == "Voces del camino"
    context.close()


def test_admin_makes_no_request_to_other_sites(
    live_server, browser, record, admin_user
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = record(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    home = HomePage.objects.get(locale__language_code="es", depth=2)
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_hero_heading").input_value() == home.hero_heading
    live_host = urlsplit(live_server.url).netloc
    foreign = [url for url in recorder.requests if urlsplit(url).netloc != live_host]
    assert foreign == []
    assert recorder.console_errors == []
    context.close()
