"""An event held at a confidential place (a workshop inside a shelter for
survivors of violence) shows its town alone: on the page, in its JSON-LD,
in every calendar (feed, .ics, Google link) and in the e-mails to people
who register. The organisers tell registrants where to go."""

import json
from datetime import timedelta

from django.utils import timezone

import icalendar
import pytest

from events.factories import OccurrenceFactory, VenueFactory
from events.ical import google_calendar_url
from events.models import Registration
from tests.events.conftest import make_event, outbox

pytestmark = pytest.mark.django_db

SECRETS = [
    "Casa Azul del Río",
    "Callejón del Olvido 12",
    "14.917283",
    "92.251977",
    "Bajar frente a la panadería",
    "Rampa por el portón trasero",
]


@pytest.fixture
def hidden_event(calendar_page):
    venue = VenueFactory(
        name="Casa Azul del Río",
        address="Callejón del Olvido 12",
        municipality="Tapachula",
        state="chiapas",
        latitude="14.917283",
        longitude="-92.251977",
        directions="Bajar frente a la panadería",
        accessibility_notes="Rampa por el portón trasero",
        is_confidential=True,
    )
    event = make_event(
        calendar_page,
        title="Taller de bordado",
        slug="taller-de-bordado",
        venue=venue,
        registration_enabled=True,
    )
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    occurrence = OccurrenceFactory(
        page=event, start=start, end=start + timedelta(hours=2), capacity=10
    )
    return event, occurrence


def assert_no_secret(text, where):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} in {where}"


def test_the_public_place_is_the_town_alone(hidden_event):
    event, _occurrence = hidden_event
    assert event.venue.public_place() == {
        "confidential": True,
        "municipality": "Tapachula",
        "state": "chiapas",
        "state_name": "Chiapas",
    }


def test_page_calendars_and_json_ld_show_the_town_alone(client, hidden_event):
    event, occurrence = hidden_event
    for url in (
        "/es/eventos/taller-de-bordado/",
        "/es/eventos/",
        "/es/eventos/calendario/",
        "/es/eventos/calendar.ics",
        f"/es/eventos/{occurrence.pk}.ics",
        f"/es/eventos/{occurrence.pk}/inscripcion/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.content.decode(), url)

    html = client.get("/es/eventos/taller-de-bordado/").content.decode()
    assert "Tapachula" in html
    start = html.index('<script type="application/ld+json">') + 35
    (item,) = json.loads(html[start : html.index("</script>", start)])
    assert item["location"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Tapachula",
            "addressRegion": "Chiapas",
            "addressCountry": "MX",
        },
    }
    (vevent,) = icalendar.Calendar.from_ical(
        client.get(f"/es/eventos/{occurrence.pk}.ics").content
    ).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Tapachula, Chiapas"
    assert "GEO" not in vevent
    assert_no_secret(google_calendar_url(occurrence, event, event.venue), "google")


def test_registrants_e_mails_show_the_town_alone(hidden_event):
    _event, occurrence = hidden_event
    registration = Registration.register(
        occurrence.pk, name="Ana", email="ana@correo.example"
    )
    registration.send("reminder")
    messages = outbox()
    assert len(messages) == 2
    for message in messages:
        assert_no_secret(message.body, message.subject)
        for content, _mimetype in message.alternatives:
            assert_no_secret(content, message.subject)
        for _name, content, _mimetype in message.attachments:
            assert_no_secret(
                content if isinstance(content, str) else content.decode(), "ics"
            )
        assert "Tapachula" in message.body
