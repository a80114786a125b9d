"""What a 360 x 640 phone shows before any scrolling, on the demo site, and
the quick exit; run from the demo visit in ``test_home`` (the demo is
loaded once)."""

from urllib.parse import urlsplit

from django.utils import timezone

from wagtail.models import Locale

from playwright.sync_api import expect

from directory.models import DirectoryIndexPage, Service
from events.models import EventPage

SCREEN = {"width": 360, "height": 640}
MAIN_WITHIN = 160
TAP_TARGET = 44
NEUTRAL = "https://www.google.com/search?q=clima"

STAND_ALONE = (
    "a.button, button:not([hidden]), .main-nav a, .site-menu summary, "
    ".language-switcher a, .quick-exit, .skip-link:focus, .pagination a"
)


def demo_urls() -> dict[str, dict[str, str]]:
    """A page of each kind in both languages, from the demo."""
    directories = {p.locale.language_code: p for p in DirectoryIndexPage.objects.live()}
    service = (
        Service.objects.public()
        .filter(phones__whatsapp=True, service_at_locations__location__latitude__gt=0)
        .exclude(service_at_locations__location__is_confidential=True)
        .first()
    )
    refuge = Service.objects.public().filter(service_types__code="trafficking").first()
    event = next(
        page
        for page in EventPage.objects.live().filter(
            locale__language_code="es", registration_enabled=True
        )
        if page.occurrences.filter(start__gt=timezone.now()).exists()
    )
    urls = {}
    for code in ("es", "en"):
        directory = directories[code]
        urls[code] = {
            "home": f"/{code}/",
            "content": "/es/conoce-tus-derechos/"
            if code == "es"
            else "/en/know-your-rights/",
            "directory": directory.url,
            "service": directory.route_url("service", slug=service.slug),
            "refuge": directory.route_url("service", slug=refuge.slug),
            "event": event.get_translation(Locale.objects.get(language_code=code)).url,
        }
    return urls


def _bottom(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, locator
    return box["y"] + box["height"]


def first_screen_does_the_job(live_server, browser, artifacts):
    urls = demo_urls()
    labels = {
        "es": {"call": "Llamar", "directions": "Cómo llegar"},
        "en": {"call": "Call", "directions": "Directions"},
    }
    for javascript in (True, False):
        context = browser.new_context(
            viewport=SCREEN, device_scale_factor=2, java_script_enabled=javascript
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        for code, pages in urls.items():
            for path in pages.values():
                page.goto(live_server.url + path)
                top = page.locator("main").bounding_box()["y"]
                assert top <= MAIN_WITHIN, (path, javascript, top)
                if javascript:
                    small = page.evaluate(
                        """selector => [...document.querySelectorAll(selector)]
                        .filter(e => e.offsetParent !== null)
                        .map(e => [e.textContent.trim(),
                                   e.getBoundingClientRect().height])
                        .filter(([, height]) => height < 44)""",
                        STAND_ALONE,
                    )
                    assert small == [], (path, small)
            # A service: its name, status and the three ways to reach it.
            page.goto(live_server.url + pages["service"])
            words = labels[code]
            for locator in (
                page.locator("h1"),
                page.locator(
                    ".directory-service .status, .directory-service .muted"
                ).first,
                page.locator(".directory-actions").get_by_role(
                    "link", name=words["call"]
                ),
                page.locator(".directory-actions").get_by_role("link", name="WhatsApp"),
                page.locator(".directory-actions").get_by_role(
                    "link", name=words["directions"]
                ),
            ):
                assert _bottom(locator) <= SCREEN["height"], (code, locator)
            if javascript:
                page.screenshot(path=artifacts / f"first-screen-service-{code}.png")
            # An event: the date, the place and the register button.
            page.goto(live_server.url + pages["event"])
            for locator in (
                page.locator(".event__when"),
                page.locator(".event__where"),
                # "Register", or "Join the waiting list" when it is full.
                page.locator(".event__next a.button"),
            ):
                assert _bottom(locator) <= SCREEN["height"], (code, locator)
            if javascript:
                page.screenshot(path=artifacts / f"first-screen-event-{code}.png")
        context.close()


def quick_exit_leaves_for_a_neutral_site(live_server, browser):
    urls = demo_urls()["es"]
    live_host = urlsplit(live_server.url).netloc
    for javascript in (True, False):
        context = browser.new_context(viewport=SCREEN, java_script_enabled=javascript)
        context.route(
            "https://www.google.com/**",
            lambda route: route.fulfill(
                status=200, content_type="text/html", body="<title>Clima</title>"
            ),
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + urls["home"])
        expect(page.locator(".quick-exit")).to_have_count(0)
        page.goto(live_server.url + urls["directory"])
        page.goto(live_server.url + urls["refuge"])
        exit_link = page.get_by_role("link", name="Salida rápida")
        expect(exit_link).to_be_visible()
        assert exit_link.bounding_box()["y"] < 1
        # Still at the top of the screen far down the page.
        page.mouse.wheel(0, 2000)
        expect(exit_link).to_be_in_viewport()
        if javascript:
            page.keyboard.press("Escape")
        else:
            exit_link.click()
        page.wait_for_url(NEUTRAL)
        page.go_back()
        if javascript:
            # The page about the refuge is no longer in the history.
            page.wait_for_url(live_server.url + urls["directory"])
        else:
            assert urlsplit(page.url).netloc == live_host
        context.close()
