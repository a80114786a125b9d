"""Calendars for people's own apps: an iCal feed of any filtered list, one
``.ics`` per occurrence (also attached to the confirmation e-mail), a
"add to Google Calendar" link and schema.org Event data for search engines.
Built with the ``icalendar`` library; times carry their time zone
(America/Mexico_City) so every calendar app shows the local hour."""

from datetime import UTC, timedelta
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.utils import timezone

import icalendar

from convivir.common.languages import in_visitor_language, language_code
from convivir.jsonld import json_ld_script
from convivir.places import has_coordinates

PRODID = "-//Convivir//Eventos//ES"


def _host() -> str:
    return urlsplit(settings.BASE_URL).hostname or "convivir"


def occurrence_uid(occurrence) -> str:
    """Stable across languages and feeds: a calendar app that imported the
    feed and the e-mail's .ics sees one event, not two."""
    return f"occurrence-{occurrence.pk}@{_host()}"


def location_text(page, venue) -> str:
    if venue is not None:
        return venue.location_text
    return page.online_url or ""


def event_url(page) -> str:
    return settings.BASE_URL + (page.url or "")


def occurrence_event(occurrence, page, venue) -> icalendar.Event:
    """One VEVENT: all-day occurrences as dates, others as local times with
    their TZID."""
    event = icalendar.Event()
    event.add("uid", occurrence_uid(occurrence))
    event.add("summary", page.title)
    event.add("dtstamp", timezone.now())
    if occurrence.all_day:
        days = occurrence.days()
        event.add("dtstart", days[0])
        event.add("dtend", days[-1] + timedelta(days=1))
    else:
        event.add("dtstart", occurrence.local_start)
        event.add("dtend", occurrence.local_end)
    location = location_text(page, venue)
    if location:
        event.add("location", location)
    facts = venue.public_place() if venue is not None else {}
    if has_coordinates(facts):
        event.add("geo", (facts["latitude"], facts["longitude"]))
    url = event_url(page)
    event.add("url", url)
    event.add("description", f"{page.summary}\n\n{url}")
    return event


def build_calendar(items, name: str = "") -> bytes:
    """A VCALENDAR of ``(occurrence, page, venue)`` items."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for occurrence, page, venue in items:
        cal.add_component(occurrence_event(occurrence, page, venue))
    cal.add_missing_timezones()
    return cal.to_ical()


def occurrence_calendar(occurrence, page) -> bytes:
    """The ``.ics`` of one occurrence, ``page`` being the event in the
    reader's language."""
    (venue,) = in_visitor_language([page.venue])
    return build_calendar([(occurrence, page, venue)])


def _google_stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(occurrence, page, venue) -> str:
    """A link that opens Google Calendar's "new event" form, filled in.
    Nothing is requested from Google until the person taps it."""
    if occurrence.all_day:
        days = occurrence.days()
        dates = f"{days[0]:%Y%m%d}/{days[-1] + timedelta(days=1):%Y%m%d}"
    else:
        dates = f"{_google_stamp(occurrence.start)}/{_google_stamp(occurrence.end)}"
    query = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": dates,
        "details": f"{page.summary}\n{event_url(page)}",
        "location": location_text(page, venue),
        "ctz": settings.TIME_ZONE,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def json_ld_place(facts: dict) -> dict:
    """A schema.org Place from a venue's public facts."""
    place = {"@type": "Place"}
    if facts.get("name"):
        place["name"] = facts["name"]
    address = {"@type": "PostalAddress"}
    if facts.get("street"):
        address["streetAddress"] = facts["street"]
    address.update(
        addressLocality=facts["municipality"],
        addressRegion=facts["state_name"],
        addressCountry="MX",
    )
    place["address"] = address
    if has_coordinates(facts):
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": facts["latitude"],
            "longitude": facts["longitude"],
        }
    return place


def json_ld(page, occurrences, venue) -> str:
    """schema.org Event data, one per upcoming occurrence, with location and
    offers; safe to put inside a ``<script>`` element."""
    url = event_url(page)
    if venue is not None:
        location = json_ld_place(venue.public_place())
        mode = "https://schema.org/OfflineEventAttendanceMode"
    else:
        location = {"@type": "VirtualLocation", "url": page.online_url or url}
        mode = "https://schema.org/OnlineEventAttendanceMode"
    items = []
    for occurrence in occurrences:
        offer = {
            "@type": "Offer",
            "url": url,
            "price": str(page.price_amount or 0),
            "priceCurrency": "MXN",
            "availability": (
                "https://schema.org/SoldOut"
                if occurrence.is_full
                else "https://schema.org/InStock"
            ),
        }
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            "startDate": (
                occurrence.days()[0].isoformat()
                if occurrence.all_day
                else occurrence.local_start.isoformat()
            ),
            "endDate": (
                occurrence.days()[-1].isoformat()
                if occurrence.all_day
                else occurrence.local_end.isoformat()
            ),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": mode,
            "location": location,
            "offers": offer,
            "inLanguage": language_code(page.locale_id),
        }
        if page.organiser:
            item["organizer"] = {"@type": "Organization", "name": page.organiser}
        items.append(item)
    return json_ld_script(items)
