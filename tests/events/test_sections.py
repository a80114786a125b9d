"""The home page's "next events" section (events.sections): the next dates
in the visitor's language with a link to the calendar, and no section
without a calendar or dates to come."""

from datetime import timedelta

from django.utils import timezone

import pytest

from events.factories import OccurrenceFactory
from tests.events.conftest import make_event
from tests.utils import translate_page

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_next_dates_and_links_the_calendar(
    client, occurrence, event, calendar_page_en, english
):
    past = make_event(event.get_parent(), title="Feria pasada", slug="feria-pasada")
    ended = timezone.now() - timedelta(days=3)
    OccurrenceFactory(page=past, start=ended - timedelta(hours=2), end=ended)
    html = client.get("/es/").content.decode()
    assert "Próximos eventos" in html
    assert ">Taller de murales</a>" in html and "Feria pasada" not in html
    assert 'href="/es/eventos/">Ver todo el calendario' in html
    translate_page(event, english, title="Mural workshop", slug="mural-workshop")
    html = client.get("/en/").content.decode()
    assert ">Mural workshop</a>" in html
    assert 'href="/en/events/">See the whole calendar' in html


def test_no_section_without_dates_to_come(client, calendar_page):
    assert "Próximos eventos" not in client.get("/es/").content.decode()


def test_no_section_without_a_calendar(client, home):
    assert "Próximos eventos" not in client.get("/es/").content.decode()
