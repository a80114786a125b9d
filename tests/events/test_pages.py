"""Event pages and their occurrences: what the page shows in both
languages, series of occurrences, and the editor's rules."""

import json
import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError

import pytest

from events.factories import OccurrenceFactory
from events.models import EventPage, Occurrence
from tests.events.conftest import local
from tests.utils import translate_page

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


def test_admin_form_expands_the_series(admin_client, event):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        streamfield,
    )

    data = nested_form_data(
        {
            "title": "Círculo de lectura",
            "slug": "circulo-de-lectura",
            "summary": "Leemos juntos.",
            "body": streamfield([]),
            "is_free": True,
            "registration_enabled": True,
            "occurrences": inline_formset(
                [
                    {
                        "start": "2030-05-06 18:00",
                        "end": "2030-05-06 19:30",
                        "capacity": "15",
                        "max_seats_per_registration": "2",
                        "waiting_list": True,
                        "repeat": "weekly",
                        "repeat_until": "2030-05-27",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    data["languages"] = ["es", "fr"]
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{event.get_parent().pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = EventPage.objects.get(slug="circulo-de-lectura")
    assert page.live and page.languages == ["es", "fr"]
    rows = list(page.occurrences.order_by("start"))
    assert [o.local_start.day for o in rows] == [6, 13, 20, 27]
    assert {o.capacity for o in rows} == {15}


def test_a_date_with_registrations_cannot_be_removed(admin_client, occurrence):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        streamfield,
    )

    from events.factories import RegistrationFactory

    RegistrationFactory(occurrence=occurrence, name="Ana")
    event = occurrence.page
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "summary": event.summary,
            "body": streamfield([]),
            "is_free": True,
            "occurrences": inline_formset(
                [
                    {
                        "id": occurrence.pk,
                        "start": occurrence.local_start.strftime("%Y-%m-%d %H:%M"),
                        "end": occurrence.local_end.strftime("%Y-%m-%d %H:%M"),
                        "capacity": "10",
                        "max_seats_per_registration": "2",
                        "DELETE": True,
                    }
                ],
                initial=1,
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", data)
    assert response.status_code == 200
    assert "Esta fecha tiene inscripciones, así que no se puede quitar." in (
        response.content.decode()
    )
    assert Occurrence.objects.filter(pk=occurrence.pk).exists()
    assert occurrence.registrations.count() == 1


def test_occurrence_rules():
    bad = Occurrence(
        start=local(2030, 1, 2, 10),
        end=local(2030, 1, 1, 10),
        repeat="weekly",
        max_seats_per_registration=1,
    )
    with pytest.raises(ValidationError) as error:
        bad.clean()
    assert set(error.value.message_dict) == {"end", "repeat_until"}


def test_days_covered_in_local_time():
    late = Occurrence(start=local(2030, 1, 1, 23, 30), end=local(2030, 1, 2, 1, 0))
    assert late.days() == [date(2030, 1, 1), date(2030, 1, 2)]
    evening = Occurrence(start=local(2030, 1, 1, 20), end=local(2030, 1, 2, 0, 0))
    assert evening.days() == [date(2030, 1, 1)]
    fair = Occurrence(
        start=local(2030, 1, 1), end=local(2030, 1, 3, 23, 59), all_day=True
    )
    assert fair.days() == [date(2030, 1, 1) + timedelta(days=n) for n in range(3)]


def test_page_types_are_placed_in_the_tree(calendar_page):
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert calendar_page.can_exist_under(calendar_page.get_parent())
    assert not EventPage.can_exist_under(calendar_page.get_parent().specific)


def test_occurrence_factory_default_is_upcoming(event):
    assert OccurrenceFactory(page=event).registration_state() == "open"
