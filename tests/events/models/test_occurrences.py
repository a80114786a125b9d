"""An event's dates: the editor's rules, the local days a date covers, and
which dates are listed (canonical rows of live, public events)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction

import pytest

from events.factories import OccurrenceFactory
from events.models import Occurrence
from tests.events.conftest import local, make_event
from tests.utils import translate_page


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


def test_unpublished_and_translated_copies_are_not_listed_twice(
    client, occurrence, event, calendar_page_en, english
):
    translated = translate_page(event, english, title="Mural workshop", slug="mural")
    # wagtail-localize copies the occurrences into the translation; only the
    # source's rows are listed (they hold the seats).
    OccurrenceFactory(page=translated, start=occurrence.start, end=occurrence.end)
    html = client.get("/en/events/").content.decode()
    assert html.count("Mural workshop</a>") == 1
    event.unpublish()
    assert "Mural workshop" not in client.get("/en/events/").content.decode()


@pytest.mark.parametrize("restricted", ["event", "calendar"])
def test_dates_of_private_events_are_not_listed(
    client, occurrence, calendar_page, restricted
):
    """A view restriction on the event, or on a page above it, keeps its
    dates out of every list (a password or a login is asked on the page)."""
    other = make_event(calendar_page, title="Feria abierta", slug="feria-abierta")
    OccurrenceFactory(page=other)
    page = occurrence.page if restricted == "event" else calendar_page
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    listed = Occurrence.objects.listed()
    expected = {"event": {"Feria abierta"}, "calendar": set()}[restricted]
    assert {o.page.title for o in listed} == expected
    if restricted == "event":
        html = client.get("/es/eventos/").content.decode()
        assert "Feria abierta" in html and "Taller de murales" not in html
        feed = client.get("/es/eventos/calendar.ics").content.decode()
        assert "Feria abierta" in feed and "Taller de murales" not in feed
        assert (
            client.get(f"/es/eventos/{occurrence.pk}/inscripcion/").status_code == 404
        )
