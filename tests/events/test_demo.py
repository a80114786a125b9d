"""The events demo: a dozen events across five towns, past and to come,
some full with a waiting list, a weekly series, in Spanish and English; the
calendar is in the main menu and on the home page."""

import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from convivir.models import MainMenu
from events.models import EventPage, Occurrence, Registration, Venue
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site):
    """The demo site, built once for the run (see tests/conftest.py)."""
    return demo_site


def test_demo_events(demo, client):
    spanish = EventPage.objects.filter(locale__language_code="es")
    assert spanish.count() == 12
    assert EventPage.objects.filter(locale__language_code="en").count() == 12
    towns = set(
        Venue.objects.filter(locale__language_code="es").values_list(
            "municipality", flat=True
        )
    )
    assert towns == {
        "Tapachula",
        "Tenosique",
        "Ciudad Ixtepec",
        "San Cristóbal de las Casas",
        "Villahermosa",
    }
    occurrences = Occurrence.objects.listed().with_seats()
    now = timezone.now()
    assert occurrences.filter(end__lt=now).exists()
    assert occurrences.filter(start__gt=now).count() >= 10
    full = [o for o in occurrences if o.is_full and o.waiting]
    assert len(full) >= 3
    assert all(o.taken <= o.capacity for o in occurrences if o.capacity)
    series = Occurrence.objects.filter(page__slug="clases-de-espanol").filter(
        page__locale__language_code="es"
    )
    assert series.count() == 7
    assert Registration.objects.filter(email="", phone__gt="").exists()
    assert "events: 12 events" in demo

    html = client.get("/es/eventos/").content.decode()
    assert "Cine foro: el tren de los sueños" in html
    assert "Lleno: lista de espera" in html
    html = client.get("/en/events/").content.decode()
    assert "Film forum: the train of dreams" in html
    assert client.get("/en/events/calendar/").status_code == 200
    assert "Próximos eventos" in client.get("/es/").content.decode()
    assert "Next events" in client.get("/en/").content.decode()
    menu = MainMenu.objects.get(locale__language_code="es")
    assert menu.items.filter(label="Eventos", sort_order=2).exists()


def test_demo_events_ask_for_needs_only_where_people_register(demo, client):
    """The invitation to say what one needs goes with the registration form:
    an event without registration never shows it."""
    pages = EventPage.objects.live().filter(locale__language_code="es")
    assert {page.registration_enabled for page in pages} == {True, False}
    for page in pages:
        text = page_text(client.get(page.url))
        asks = "Pide lo que necesites al inscribirte." in text
        assert asks == page.registration_enabled, page.slug


def test_demo_twice_changes_nothing(demo):
    counts = (Occurrence.objects.count(), Registration.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Occurrence.objects.count(), Registration.objects.count()) == counts
