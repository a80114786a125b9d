"""iCal: the feed of any filtered list and each occurrence's file, parsed
with icalendar; the Google Calendar link."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from events.factories import OccurrenceFactory, VenueFactory
from events.ical import google_calendar_url
from tests.events.conftest import local, make_event
from tests.utils import translate_page

pytestmark = pytest.mark.django_db


def events_of(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_occurrence_ics_has_uid_tzid_location_and_url(client, occurrence):
    (event,) = events_of(client.get(f"/es/eventos/{occurrence.pk}.ics"))
    assert str(event["UID"]) == f"occurrence-{occurrence.pk}@convivir.example.org"
    assert event["DTSTART"].params["TZID"] == "America/Mexico_City"
    assert event.decoded("DTSTART") == occurrence.start
    assert event.decoded("DTEND") == occurrence.end
    assert str(event["LOCATION"]) == (
        "Parque Central, Calle Central 10, Tapachula, Chiapas"
    )
    assert urlsplit(str(event["URL"])).path == "/es/eventos/taller-de-murales/"
    assert str(event["SUMMARY"]) == "Taller de murales"


def test_late_evening_keeps_its_local_time_in_the_file(client, event):
    occurrence = OccurrenceFactory(
        page=event, start=local(2030, 11, 10, 23, 30), end=local(2030, 11, 11, 0, 30)
    )
    (item,) = events_of(client.get(f"/es/eventos/{occurrence.pk}.ics"))
    assert item["DTSTART"].to_ical() == b"20301110T233000"
    assert b"BEGIN:VTIMEZONE" in client.get(f"/es/eventos/{occurrence.pk}.ics").content


def test_all_day_occurrence_is_a_date(client, event):
    occurrence = OccurrenceFactory(
        page=event,
        start=local(2030, 11, 12),
        end=local(2030, 11, 14, 23, 59),
        all_day=True,
    )
    (item,) = events_of(client.get(f"/es/eventos/{occurrence.pk}.ics"))
    assert item["DTSTART"].to_ical() == b"20301112"
    assert item["DTEND"].to_ical() == b"20301115"


def test_english_file_uses_the_translation(
    client, occurrence, event, calendar_page_en, english
):
    translate_page(event, english, title="Mural workshop", slug="mural-workshop")
    (item,) = events_of(client.get(f"/en/events/{occurrence.pk}.ics"))
    assert str(item["SUMMARY"]) == "Mural workshop"
    assert urlsplit(str(item["URL"])).path == "/en/events/mural-workshop/"


def test_feed_follows_the_filters(client, calendar_page):
    for n, state in enumerate(["chiapas", "tabasco", "chiapas"]):
        page = make_event(
            calendar_page,
            title=f"Evento {state} {n}",
            slug=f"evento-{n}",
            venue=VenueFactory(state=state),
        )
        start = local(2030, 11, 10 + n, 18)
        OccurrenceFactory(page=page, start=start, end=start + timedelta(hours=1))
    feed = events_of(client.get("/es/eventos/calendar.ics", {"state": "chiapas"}))
    assert [str(e["SUMMARY"]) for e in feed] == ["Evento chiapas 0", "Evento chiapas 2"]
    assert all(e["DTSTART"].params["TZID"] == "America/Mexico_City" for e in feed)
    assert len({str(e["UID"]) for e in feed}) == 2
    everything = events_of(client.get("/es/eventos/calendar.ics"))
    assert len(everything) == 3
    html = client.get("/es/eventos/", {"state": "chiapas"}).content.decode()
    assert 'href="/es/eventos/calendar.ics?state=chiapas"' in html


def test_google_calendar_link(occurrence, event):
    url = google_calendar_url(occurrence, event, event.venue)
    parts = urlsplit(url)
    assert parts.netloc == "calendar.google.com"
    query = parse_qs(parts.query)
    assert query["text"] == ["Taller de murales"]
    start, end = query["dates"][0].split("/")
    assert start == f"{occurrence.start:%Y%m%dT%H%M%S}Z"
    assert end == f"{occurrence.end:%Y%m%dT%H%M%S}Z"
    assert query["location"] == ["Parque Central, Calle Central 10, Tapachula, Chiapas"]
