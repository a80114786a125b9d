"""The calendar's pages (events.listings): upcoming list, month grid and
archive, in both languages and at addresses in the page's language, with a
fixed number of queries however many events there are."""

from datetime import date, timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from events.factories import (
    OccurrenceFactory,
    RegistrationFactory,
    VenueFactory,
    category,
)
from events.models import EventPage, Occurrence
from tests.events.conftest import local, make_event
from tests.utils import translate_page

pytestmark = pytest.mark.django_db


def test_upcoming_list_shows_event_with_place_and_seats(client, occurrence):
    html = client.get("/es/eventos/").content.decode()
    assert "<h1>Eventos</h1>" in html
    assert "Taller de murales" in html
    assert 'href="/es/eventos/taller-de-murales/"' in html
    assert "Parque Central, Tapachula" in html
    assert "10 lugares disponibles" in html
    assert "1 fecha próxima" in html


def test_upcoming_list_in_english_uses_the_translation(
    client, occurrence, event, calendar_page_en, english
):
    translate_page(
        event, english, title="Mural workshop", slug="mural-workshop", summary="Paint"
    )
    html = client.get("/en/events/").content.decode()
    assert "Mural workshop" in html
    assert 'href="/en/events/mural-workshop/"' in html
    assert "10 seats left" in html
    assert "Taller de murales" not in html


def test_full_occurrence_says_waiting_list(client, occurrence):
    RegistrationFactory(occurrence=occurrence, seats=10)
    html = client.get("/es/eventos/").content.decode()
    assert "Lleno: lista de espera" in html


def test_past_events_are_in_the_archive_only(client, calendar_page):
    old = make_event(calendar_page, title="Festival pasado", slug="festival-pasado")
    start = timezone.now() - timedelta(days=10)
    OccurrenceFactory(page=old, start=start, end=start + timedelta(hours=3))
    assert "Festival pasado" not in client.get("/es/eventos/").content.decode()
    html = client.get("/es/eventos/archivo/").content.decode()
    assert "Festival pasado" in html and "1 fecha pasada" in html


# --- Month grid -------------------------------------------------------------------


def _cell(html: str, day: date) -> str:
    """The HTML of one day's cell in the month grid."""
    marker = f'<time datetime="{day:%Y-%m-%d}">'
    start = html.index(marker)
    return html[start : html.index("</td>", start)]


def test_month_grid_places_late_evening_on_its_local_day(client, calendar_page):
    late = make_event(calendar_page, title="Cine de medianoche", slug="cine")
    # 23:30 in Tapachula is 05:30 UTC the next day.
    start = local(2030, 11, 10, 23, 30)
    OccurrenceFactory(page=late, start=start, end=start + timedelta(minutes=20))
    html = client.get("/es/eventos/calendario/2030/11/").content.decode()
    assert "Cine de medianoche" in _cell(html, date(2030, 11, 10))
    assert "23:30" in _cell(html, date(2030, 11, 10))
    assert "Cine de medianoche" not in _cell(html, date(2030, 11, 11))


def test_month_grid_places_multi_day_and_all_day_events_on_every_day(
    client, calendar_page
):
    fair = make_event(calendar_page, title="Feria de las culturas", slug="feria")
    OccurrenceFactory(
        page=fair,
        start=local(2030, 11, 12, 0, 0),
        end=local(2030, 11, 14, 23, 59),
        all_day=True,
    )
    night = make_event(calendar_page, title="Velada musical", slug="velada")
    # 20:00 until midnight: one day only.
    OccurrenceFactory(
        page=night, start=local(2030, 11, 20, 20, 0), end=local(2030, 11, 21, 0, 0)
    )
    html = client.get("/es/eventos/calendario/2030/11/").content.decode()
    for day in (12, 13, 14):
        assert "Feria de las culturas" in _cell(html, date(2030, 11, day))
    assert "Feria de las culturas" not in _cell(html, date(2030, 11, 11))
    assert "Feria de las culturas" not in _cell(html, date(2030, 11, 15))
    assert "Velada musical" in _cell(html, date(2030, 11, 20))
    assert "Velada musical" not in _cell(html, date(2030, 11, 21))


def test_month_grid_is_an_accessible_table_with_month_links(client, calendar_page):
    html = client.get("/es/eventos/calendario/2030/12/").content.decode()
    assert "<caption>diciembre de 2030: 0 eventos</caption>" in html
    assert '<th scope="col"><abbr title="Lunes">' in html
    assert 'href="/es/eventos/calendario/2030/11/" rel="prev"' in html
    assert 'href="/es/eventos/calendario/2031/1/" rel="next"' in html
    assert client.get("/es/eventos/calendario/").status_code == 200


def test_busy_day_shows_three_events_and_a_link_to_the_rest(client, calendar_page):
    for n in range(5):
        page = make_event(calendar_page, title=f"Taller {n}", slug=f"taller-{n}")
        start = local(2030, 11, 5, 9 + n)
        OccurrenceFactory(page=page, start=start, end=start + timedelta(hours=1))
    cell = _cell(
        client.get("/es/eventos/calendario/2030/11/").content.decode(),
        date(2030, 11, 5),
    )
    assert cell.count("<li>") == 3
    assert "2 más" in cell
    assert "from=2030-11-05&amp;to=2030-11-05" in cell


@pytest.mark.parametrize(
    "url",
    [
        "/es/eventos/calendario/2030/13/",
        "/es/eventos/calendario/2030/0/",
        # Before and after them, no month could be linked to.
        "/es/eventos/calendario/1/1/",
        "/es/eventos/calendario/9999/12/",
        "/es/eventos/calendario/99999999999999999999/1/",
        "/es/eventos/calendario/1/1/?to=9999-12-31",
    ],
)
def test_impossible_month_is_a_clear_400(client, calendar_page, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Este mes no existe" in response.content.decode()


def test_first_and_last_months_of_the_calendar_link_inside_it_only(
    client, calendar_page
):
    html = client.get("/es/eventos/calendario/1900/1/").content.decode()
    assert 'rel="prev"' not in html
    assert 'href="/es/eventos/calendario/1900/2/" rel="next"' in html
    html = client.get("/es/eventos/calendario/2999/12/").content.decode()
    assert 'href="/es/eventos/calendario/2999/11/" rel="prev"' in html
    assert 'rel="next"' not in html


def test_month_in_english(client, calendar_page_en):
    html = client.get("/en/events/calendar/2030/11/").content.decode()
    assert "November 2030: 0 events" in html
    assert "Previous month" in html


# --- Query counts -----------------------------------------------------------------


def _add_events(parent, count: int, per_event: int = 1):
    """``count`` events quickly (no revisions), ``per_event`` occurrences
    each, spread over November 2030."""
    venue = VenueFactory()
    kind = category()
    occurrences = []
    for n in range(count):
        page = EventPage(
            title=f"Evento masivo {n}",
            slug=f"evento-masivo-{n}-{parent.get_children_count()}",
            summary="Resumen",
            venue=venue,
            category=kind,
            registration_enabled=True,
        )
        parent.add_child(instance=page)
        for k in range(per_event):
            start = local(2030, 11, 1 + (n + k) % 28, 10)
            occurrences.append(
                Occurrence(
                    page=page, start=start, end=start + timedelta(hours=1), capacity=5
                )
            )
    Occurrence.objects.bulk_create(occurrences)


@pytest.mark.parametrize(
    "url",
    [
        "/es/eventos/",
        "/es/eventos/calendario/2030/11/",
        "/es/eventos/archivo/",
        "/es/eventos/?state=chiapas&q=masivo",
        "/es/eventos/calendar.ics",
        "/es/",
    ],
)
def test_listings_cost_the_same_queries_for_10_or_300_dates(
    client, calendar_page, url, monkeypatch
):
    # The per-process locale cache expires by time: not during this test.
    monkeypatch.setattr("convivir.common.languages.LOCALE_CACHE_SECONDS", 10**6)
    if "archivo" in url:
        # Put "now" after the events so they are in the archive.
        later = timezone.make_aware(timezone.datetime(2031, 1, 1))
        patcher = mock.patch("django.utils.timezone.now", return_value=later)
    else:
        patcher = None
    _add_events(calendar_page, 10)
    if patcher:
        patcher.start()
    try:
        client.get(url)  # warm the per-process caches (locales, site)
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        if patcher:
            patcher.stop()
        # 60 events of 5 dates each: pages of the list and more.
        _add_events(calendar_page, 60, per_event=5)
        if patcher:
            patcher.start()
        client.get(url)  # adding pages clears Wagtail's cached site paths
        with CaptureQueriesContext(connection) as many:
            assert client.get(url).status_code == 200
    finally:
        if patcher:
            patcher.stop()
    assert Occurrence.objects.count() == 310
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    # A keyword adds two: its words against the index's vocabulary, the
    # events the search app finds.
    budget = 22 if "q=" in url else 20
    assert len(few) <= budget, [q["sql"][:150] for q in few.captured_queries]


# --- Addresses in the page's language ---------------------------------------------


def test_english_calendar_pages_have_english_addresses(client, calendar_page_en):
    html = client.get("/en/events/").content.decode()
    assert 'href="/en/events/calendar/"' in html
    assert 'href="/en/events/archive/"' in html
    html = client.get("/en/events/calendar/2030/11/").content.decode()
    assert 'href="/en/events/calendar/2030/10/" rel="prev"' in html
    assert 'href="/en/events/calendar/2030/12/" rel="next"' in html
    assert client.get("/en/events/calendar/").status_code == 200
    assert client.get("/en/events/archive/").status_code == 200


def test_spanish_calendar_pages_keep_their_addresses(client, calendar_page_en):
    html = client.get("/es/eventos/").content.decode()
    assert 'href="/es/eventos/calendario/"' in html
    assert 'href="/es/eventos/archivo/"' in html
    for url in ("/es/eventos/calendario/", "/es/eventos/calendario/2030/11/"):
        assert client.get(url).status_code == 200
    assert client.get("/es/eventos/archivo/").status_code == 200


@pytest.mark.parametrize(
    "old,new",
    [
        ("/en/events/calendario/", "/en/events/calendar/"),
        ("/en/events/calendario/2030/11/", "/en/events/calendar/2030/11/"),
        ("/en/events/archivo/", "/en/events/archive/"),
        ("/es/eventos/calendar/2030/11/", "/es/eventos/calendario/2030/11/"),
    ],
)
def test_a_path_in_the_other_language_moves_permanently_with_its_query(
    client, calendar_page_en, old, new
):
    response = client.get(old, {"state": "chiapas"})
    assert response.status_code == 301
    assert response["Location"] == f"{new}?state=chiapas"


def test_the_language_switcher_links_to_the_same_month(client, calendar_page_en):
    html = client.get("/es/eventos/calendario/2030/11/").content.decode()
    assert 'href="/en/events/calendar/2030/11/" hreflang="en"' in html
    html = client.get("/en/events/archive/").content.decode()
    assert 'href="/es/eventos/archivo/" hreflang="es"' in html
