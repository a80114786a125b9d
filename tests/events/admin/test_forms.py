"""The event page's admin form: languages as checkboxes, "repeat until"
turned into the series, and a date with registrations never removed."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.factories import RegistrationFactory
from events.models import EventPage, Occurrence

pytestmark = pytest.mark.django_db


def test_admin_form_expands_the_series(admin_client, event):
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
