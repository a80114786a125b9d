"""Registering for an event from a phone, in a real browser without
JavaScript: find the event in the calendar, register, open the
confirmation e-mail's file, cancel through its link."""

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
from tests.utils import add_child

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def calendar(home, settings, tmp_path):
    settings.RATELIMIT_ENABLED = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    index = add_child(home, EventIndexPageFactory.build())
    for title, slug, town, state in [
        ("Taller de murales", "taller-de-murales", "Tapachula", "chiapas"),
        ("Cine foro en Tenosique", "cine-foro", "Tenosique", "tabasco"),
    ]:
        page = add_child(
            index,
            EventPageFactory.build(
                title=title,
                slug=slug,
                venue=VenueFactory(municipality=town, state=state),
            ),
        )
        start = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
        OccurrenceFactory(page=page, start=start, end=start + timedelta(hours=2))
    return settings.EMAIL_FILE_PATH


def test_find_register_and_cancel_from_a_phone(
    calendar, live_server, browser, record, artifacts, accessibility_violations
):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = record(page)

    page.goto(f"{live_server.url}/es/eventos/")
    expect(page.locator("h1")).to_have_text("Eventos")
    page.get_by_role("radio", name=re.compile("^Chiapas")).check()
    page.get_by_role("button", name="Aplicar").click()
    expect(page).to_have_url(re.compile(r"\?.*state=chiapas"))
    assert page.get_by_role("link", name="Cine foro en Tenosique").count() == 0
    listing_url = page.url
    page.get_by_role("link", name="Taller de murales").click()
    expect(page.locator("h1")).to_have_text("Taller de murales")
    page.get_by_role("link", name=re.compile("^Inscribirme")).first.click()

    # The empty form: errors in Spanish, next to each field.
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("body")).to_contain_text(
        "Solo podemos inscribirte con tu consentimiento."
    )
    form_url = page.url
    page.screenshot(path=artifacts / "events-register-phone.png", full_page=True)

    page.get_by_label("Tu nombre").fill("Lucía Pérez")
    page.get_by_label("Correo electrónico").fill("lucia@correo.example")
    page.get_by_label("Número de lugares").fill("2")
    page.get_by_label(re.compile("^Acepto que Convivir")).check()
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.locator("h1")).to_have_text("Ya estás inscrita o inscrito")
    registration = Registration.objects.get()
    expect(page.locator("body")).to_contain_text(registration.code)
    confirmation_url = page.url

    # The confirmation e-mail as the file backend wrote it.
    (mail_file,) = list(calendar.iterdir())
    message = email.message_from_bytes(mail_file.read_bytes())
    assert "Inscripción confirmada: Taller de murales" in str(
        email.header.make_header(email.header.decode_header(message["Subject"]))
    )
    parts = {part.get_content_type(): part for part in message.walk()}
    text = parts["text/plain"].get_payload(decode=True).decode()
    ics = icalendar.Calendar.from_ical(parts["text/calendar"].get_payload(decode=True))
    (event,) = ics.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Taller de murales"
    cancel = re.search(r"https?://\S+/cancelar/\S+/", text).group(0)

    page.goto(live_server.url + urlsplit(cancel).path)
    page.get_by_role("button", name="Sí, cancelar mi inscripción").click()
    expect(page.locator("h1")).to_have_text("Inscripción cancelada")
    registration.refresh_from_db()
    assert registration.status == "cancelled"

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    assert recorder.console_errors == []
    context.close()

    # axe-core needs JavaScript: the same pages, checked in a second browser.
    checker = browser.new_context(viewport=PHONE)
    page = checker.new_page()
    for url in (listing_url, confirmation_url):
        page.goto(url)
        assert accessibility_violations(page) == [], url
    page.goto(form_url)
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert accessibility_violations(page) == [], "registration form with errors"
    checker.close()
