"""The calendar and event pages: where they can be created (in the admin,
with the forms editors fill in), what an event page shows in both
languages, its series of dates, and what translating it leaves alone."""

import json
import re
from datetime import date

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

import pytest

from convivir.models import HomePage
from events.factories import EventIndexPageFactory, VenueFactory, category
from events.models import EventCategory, EventIndexPage, EventPage, Occurrence, Venue
from tests.events.conftest import local
from tests.utils import add_child, page_text, translate_page

pytestmark = pytest.mark.django_db


def test_event_page_shows_facts_dates_and_register_button(client, occurrence):
    html = client.get("/es/eventos/taller-de-murales/").content.decode()
    assert "<h1>Taller de murales</h1>" in html
    assert "Parque Central" in html and "Gratuito" in html
    assert f'href="/es/eventos/{occurrence.pk}/inscripcion/"' in html
    assert f'href="/es/eventos/{occurrence.pk}.ics"' in html
    assert "10 lugares disponibles" in html


def test_event_page_in_english_shows_the_source_occurrences(
    client, occurrence, event, calendar_page_en, english
):
    translate_page(event, english, title="Mural workshop", slug="mural-workshop")
    html = client.get("/en/events/mural-workshop/").content.decode()
    assert "<h1>Mural workshop</h1>" in html
    assert f'href="/en/events/{occurrence.pk}/register/"' in html
    assert f'href="/en/events/{occurrence.pk}.ics"' in html
    assert "Free" in html and "Register" in html


def test_needs_are_asked_for_only_where_people_register(
    client, occurrence, event, calendar_page_en, english
):
    translate_page(event, english, title="Mural workshop", slug="mural-workshop")
    spanish = page_text(client.get("/es/eventos/taller-de-murales/"))
    assert "Pide lo que necesites al inscribirte." in spanish
    english_text = page_text(client.get("/en/events/mural-workshop/"))
    assert "Ask for what you need when you register." in english_text

    EventPage.objects.filter(translation_key=event.translation_key).update(
        registration_enabled=False,
        accessibility="Intérprete de lengua de señas.",
    )
    spanish = page_text(client.get("/es/eventos/taller-de-murales/"))
    assert "Accesibilidad Intérprete de lengua de señas." in spanish
    assert "inscribirte" not in spanish
    english_text = page_text(client.get("/en/events/mural-workshop/"))
    assert "when you register" not in english_text


def test_event_page_has_schema_org_event(client, occurrence):
    html = client.get("/es/eventos/taller-de-murales/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    (item,) = data
    assert item["@type"] == "Event"
    assert item["name"] == "Taller de murales"
    assert item["startDate"].endswith("-06:00")
    assert item["location"]["@type"] == "Place"
    assert item["location"]["address"]["addressLocality"] == "Tapachula"
    assert item["offers"]["price"] == "0"
    assert item["offers"]["availability"] == "https://schema.org/InStock"
    assert item["url"].endswith("/es/eventos/taller-de-murales/")


def test_weekly_series_is_created_once(event):
    first = Occurrence(
        start=local(2030, 3, 4, 17),
        end=local(2030, 3, 4, 19),
        capacity=20,
        repeat="weekly",
        repeat_until=date(2030, 3, 25),
    )
    event.occurrences = [first]
    assert event.expand_repeats() == 3
    starts = [o.start for o in event.occurrences.all()]
    assert starts == [local(2030, 3, d, 17) for d in (4, 11, 18, 25)]
    assert all(o.capacity == 20 and o.repeat == "" for o in event.occurrences.all())
    assert event.expand_repeats() == 0
    event.save()
    assert Occurrence.objects.filter(page=event).count() == 4


def test_monthly_series_keeps_the_day_or_the_months_last(event):
    first = Occurrence(
        start=local(2030, 1, 31, 10),
        end=local(2030, 1, 31, 12),
        repeat="monthly",
        repeat_until=date(2030, 4, 30),
    )
    event.occurrences = [first]
    assert event.expand_repeats() == 3
    days = [o.local_start.date() for o in event.occurrences.all()]
    assert days == [
        date(2030, 1, 31),
        date(2030, 2, 28),
        date(2030, 3, 31),
        date(2030, 4, 30),
    ]


# --- Translating an event page ----------------------------------------------------


def submit_translation(client, page, locale):
    """What an editor does with "Translate → English" on the page."""
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    return translated


def english_page_html(client, translated) -> str:
    translated.refresh_from_db()
    response = client.get(translated.url)
    assert response.status_code == 200
    return response.content.decode()


def test_translating_an_event_keeps_the_english_category_and_venue(
    admin_client, client, event, calendar_page_en, english
):
    workshop = category("taller", language="en")
    assert event.category.name == "Taller" and workshop.name == "Workshop"

    translated = submit_translation(admin_client, event, english)

    workshop.refresh_from_db()
    assert workshop.name == "Workshop"
    assert EventCategory.objects.filter(slug="taller").count() == 2
    html = english_page_html(client, translated)
    assert '<p class="event__category">Workshop</p>' in html


def test_a_venue_without_english_is_not_copied_and_shows_once_translated(
    admin_client, client, event, calendar_page_en, english
):
    translated = submit_translation(admin_client, event, english)

    # The page's translation creates no English copy of the venue: the
    # English page names the Spanish one until the venue is translated.
    assert not Venue.objects.filter(locale=english).exists()
    assert "Parque Central" in english_page_html(client, translated)

    response = admin_client.post(
        f"/admin/localize/submit/snippet/events/venue/{event.venue.pk}/",
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    english_venue = Venue.objects.get(locale=english)
    english_venue.name = "Central Park"
    english_venue.save()
    html = english_page_html(client, translated)
    assert "Central Park" in html and "Parque Central" not in html


def test_translating_a_second_event_never_rewrites_a_translated_venue(
    admin_client, event, calendar_page_en, english
):
    english_venue = event.venue.copy_for_translation(english)
    english_venue.name = "Central Park"
    english_venue.directions = "Across from the cathedral."
    english_venue.save()

    submit_translation(admin_client, event, english)

    english_venue.refresh_from_db()
    assert english_venue.name == "Central Park"
    assert english_venue.directions == "Across from the cathedral."


# --- In the page tree, through the admin's forms ---------------------------------


class CalendarAndEventPages(WagtailPageTestCase):
    """Where editors can add each page type, with the data the admin's
    forms post, and every route of the calendar renders."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="es", depth=2)
        cls.editor = get_user_model().objects.create_superuser(
            username="editora", email="editora@convivir.example", password="x"
        )
        profile = UserProfile.get_for_user(cls.editor)
        profile.preferred_language = "es"
        profile.save(update_fields=["preferred_language"])

    def setUp(self):
        self.client.force_login(self.editor)

    def add_calendar(self):
        return add_child(self.home, EventIndexPageFactory.build())

    def test_the_calendar_goes_under_the_home_page_once(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(EventIndexPage, EventIndexPage)
        self.assertCanCreate(
            self.home,
            EventIndexPage,
            nested_form_data(
                {"title": "Eventos", "slug": "eventos", "intro": rich_text("")}
            ),
        )
        self.home.refresh_from_db()
        self.assertFalse(EventIndexPage.can_create_at(self.home))

    def test_an_event_goes_under_the_calendar_with_its_dates(self):
        calendar = self.add_calendar()
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        data = nested_form_data(
            {
                "title": "Festival de las culturas",
                "category": category("festival").pk,
                "summary": "Música, comida y danza de los pueblos del corredor.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>Traigan a su familia.</p>"))]
                ),
                "venue": VenueFactory().pk,
                "is_free": True,
                "registration_enabled": True,
                "occurrences": inline_formset(
                    [
                        {
                            "start": "2030-06-06 10:00",
                            "end": "2030-06-06 18:00",
                            "capacity": "200",
                            "max_seats_per_registration": "6",
                            "waiting_list": True,
                        }
                    ]
                ),
            }
        )
        data["languages"] = ["es", "mam"]
        self.assertCanCreate(calendar, EventPage, data)
        event = EventPage.objects.get(slug="festival-de-las-culturas")
        self.assertEqual(event.languages, ["es", "mam"])
        self.assertEqual(event.occurrences.get().capacity, 200)
        self.assertPageIsRenderable(event)

    def test_every_route_of_the_calendar_renders(self):
        calendar = self.add_calendar()
        self.client.logout()
        for route in ("/", "calendario/", "calendario/2030/11/", "archivo/"):
            self.assertPageIsRenderable(calendar, route)
