"""Registering for an event from a phone, in a real browser, in Spanish and
in English, with JavaScript and without: find the event in the calendar,
register, open the confirmation e-mail's file, cancel through its link."""

import email
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone

import icalendar
import pytest
from playwright.sync_api import expect

from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OccurrenceFactory,
    VenueFactory,
)
from events.models import Registration
from tests.browser.journeys import VARIANTS, phone
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What each language shows along the way (the site's own texts).
WORDS = {
    "es": {
        "calendar": "/es/eventos/",
        "heading": "Eventos",
        "apply": "Aplicar",
        "event": "Taller de murales",
        "other": "Cine foro en Tenosique",
        "register": "Inscribirme",
        "consent_error": "Solo podemos inscribirte con tu consentimiento.",
        "name": "Tu nombre",
        "email": "Correo electrónico",
        "seats": "Número de lugares",
        "consent": "^Acepto que Convivir",
        "registered": "Ya estás inscrita o inscrito",
        "subject": "Inscripción confirmada: Taller de murales",
        "cancel_link": "/es/eventos/cancelar/",
        "cancel": "Sí, cancelar mi inscripción",
        "cancelled": "Inscripción cancelada",
    },
    "en": {
        "calendar": "/en/events/",
        "heading": "Events",
        "apply": "Apply",
        "event": "Mural workshop",
        "other": "Film forum in Tenosique",
        "register": "Register",
        "consent_error": "We can only register you with your consent.",
        "name": "Your name",
        "email": "E-mail",
        "seats": "Number of seats",
        "consent": "^I agree that Convivir",
        "registered": "You are registered",
        "subject": "You are registered: Mural workshop",
        "cancel_link": "/en/events/cancel/",
        "cancel": "Yes, cancel my registration",
        "cancelled": "Registration cancelled",
    },
}


@pytest.fixture
def calendar(home, english, settings, tmp_path):
    settings.RATELIMIT_ENABLED = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    index = add_child(home, EventIndexPageFactory.build())
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(index, english, title="Events", slug="events")
    for title, slug, town, state, english_title, english_slug in [
        (
            "Taller de murales",
            "taller-de-murales",
            "Tapachula",
            "chiapas",
            "Mural workshop",
            "mural-workshop",
        ),
        (
            "Cine foro en Tenosique",
            "cine-foro",
            "Tenosique",
            "tabasco",
            "Film forum in Tenosique",
            "film-forum",
        ),
    ]:
        page = add_child(
            index,
            EventPageFactory.build(
                title=title,
                slug=slug,
                venue=VenueFactory(municipality=town, state=state),
            ),
        )
        translate_page(page, english, title=english_title, slug=english_slug)
        start = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
        OccurrenceFactory(page=page, start=start, end=start + timedelta(hours=2))
    return settings.EMAIL_FILE_PATH


@pytest.mark.parametrize("language, javascript", VARIANTS)
def test_find_register_and_cancel_from_a_phone(
    language,
    javascript,
    calendar,
    live_server,
    browser,
    record,
    artifacts,
    accessibility_violations,
):
    words = WORDS[language]
    context = phone(browser, javascript)
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = record(page)
    # axe-core runs in the page: only with JavaScript on.
    problems = {}

    def check(name):
        if javascript:
            problems[name] = accessibility_violations(page)

    page.goto(live_server.url + words["calendar"])
    expect(page.locator("h1")).to_have_text(words["heading"])
    page.get_by_role("radio", name=re.compile("^Chiapas")).check()
    page.get_by_role("button", name=words["apply"]).click()
    expect(page).to_have_url(re.compile(r"\?.*state=chiapas"))
    expect(page.get_by_role("link", name=words["event"])).to_be_visible()
    expect(page.get_by_role("link", name=words["other"])).to_have_count(0)
    check("listing")
    page.get_by_role("link", name=words["event"]).click()
    expect(page.locator("h1")).to_have_text(words["event"])
    check("event")
    page.get_by_role("link", name=re.compile("^" + words["register"])).first.click()

    # The empty form: errors in the page's language, next to each field.
    page.get_by_role("button", name=words["register"]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("body")).to_contain_text(words["consent_error"])
    check("registration form with errors")
    page.screenshot(
        path=artifacts / f"events-register-phone-{language}.png", full_page=True
    )

    page.get_by_label(words["name"]).fill("Lucía Pérez")
    page.get_by_label(words["email"]).fill("lucia@correo.example")
    page.get_by_label(words["seats"]).fill("2")
    page.get_by_label(re.compile(words["consent"])).check()
    page.get_by_role("button", name=words["register"]).click()
    expect(page.locator("h1")).to_have_text(words["registered"])
    registration = Registration.objects.get()
    assert registration.seats == 2 and registration.email == "lucia@correo.example"
    assert registration.language == language
    expect(page.locator("body")).to_contain_text(registration.code)
    check("confirmation")

    # The confirmation e-mail as the file backend wrote it.
    (mail_file,) = list(calendar.iterdir())
    message = email.message_from_bytes(mail_file.read_bytes())
    assert words["subject"] in str(
        email.header.make_header(email.header.decode_header(message["Subject"]))
    )
    parts = {part.get_content_type(): part for part in message.walk()}
    text = parts["text/plain"].get_payload(decode=True).decode()
    ics = icalendar.Calendar.from_ical(parts["text/calendar"].get_payload(decode=True))
    (event,) = ics.walk("VEVENT")
    assert str(event["SUMMARY"]) == words["event"]
    cancel = re.search(
        r"https?://[^/\s]+" + re.escape(words["cancel_link"]) + r"\S+/", text
    ).group(0)

    page.goto(live_server.url + urlsplit(cancel).path)
    page.get_by_role("button", name=words["cancel"]).click()
    expect(page.locator("h1")).to_have_text(words["cancelled"])
    registration.refresh_from_db()
    assert registration.status == "cancelled"

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    assert recorder.console_errors == []
    assert {name: found for name, found in problems.items() if found} == {}
    context.close()


FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const bar = document.querySelector(".quick-exit");
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: element.innerText || "",
        outline: style.outlineStyle === "none" ? "none" : style.outlineWidth,
        shadow: style.boxShadow,
        top: box.top,
        bottom: box.bottom,
        barBottom: bar ? bar.getBoundingClientRect().bottom : 0,
        height: window.innerHeight,
    };
}"""


def _tab_to(page, wanted, limit=40):
    """Press Tab until the focused element is ``wanted`` (a predicate on
    what ``FOCUSED`` reports); every element on the way must show its focus
    and not be hidden under the sticky quick-exit bar."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        passed.append(focused["id"] or focused["text"][:30])
        assert focused["outline"] != "none" or focused["shadow"] != "none", focused
        assert focused["top"] >= focused["barBottom"] - 1, focused
        assert focused["bottom"] <= focused["height"] + 1, focused
        if wanted(focused):
            return passed
    raise AssertionError(f"never reached by Tab; passed {passed}")


def test_register_with_the_keyboard_only(calendar, live_server, browser, record):
    context = phone(browser, True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = record(page)
    page.goto(f"{live_server.url}/es/eventos/taller-de-murales/")
    expect(page.locator("h1")).to_have_text("Taller de murales")

    _tab_to(page, lambda f: f["tag"] == "a" and f["text"].startswith("Inscribirme"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Inscribirme")

    _tab_to(page, lambda f: f["id"] == "id_name")
    page.keyboard.type("Lucía Pérez")
    passed = _tab_to(page, lambda f: f["id"] == "id_email")
    assert passed == ["id_email"], "the e-mail right after the name"
    page.keyboard.type("lucia@correo.example")
    _tab_to(page, lambda f: f["id"] == "id_seats")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    _tab_to(page, lambda f: f["id"] == "id_accessibility_needs")
    page.keyboard.type("Silla de ruedas.")
    _tab_to(page, lambda f: f["id"] == "id_consent")
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    _tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Inscribirme")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Ya estás inscrita o inscrito")
    registration = Registration.objects.get()
    assert registration.name == "Lucía Pérez"
    assert registration.email == "lucia@correo.example"
    assert registration.seats == 2
    assert registration.accessibility_needs == "Silla de ruedas."
    assert registration.status == "confirmed"
    expect(page.locator("body")).to_contain_text(registration.code)
    assert recorder.console_errors == []
    context.close()
