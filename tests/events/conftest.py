"""Fixtures for the events app: the calendar page, in Spanish and English,
and an event with one occurrence open for registration; helpers to make
events, read the e-mails sent and post the admin's edit form."""

from datetime import datetime, timedelta

from django.core import mail
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from convivir.models import OutgoingEmail
from convivir.notifications import attempt_delivery
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OccurrenceFactory,
    VenueFactory,
    category,
)
from events.models import local_midnight
from tests.utils import add_child, translate_page


def local(*args):
    """An aware datetime in America/Mexico_City."""
    return timezone.make_aware(datetime(*args))


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def calendar_page(home):
    return add_child(home, EventIndexPageFactory.build())


@pytest.fixture
def calendar_page_en(calendar_page, home_en, english):
    return translate_page(calendar_page, english, title="Events", slug="events")


@pytest.fixture
def venue(db):
    return VenueFactory(
        name="Parque Central", municipality="Tapachula", state="chiapas"
    )


def make_event(parent, **fields):
    fields.setdefault("venue", VenueFactory())
    fields.setdefault("category", category())
    return add_child(parent, EventPageFactory.build(**fields))


@pytest.fixture
def event(calendar_page, venue):
    return make_event(
        calendar_page,
        title="Taller de murales",
        slug="taller-de-murales",
        venue=venue,
        summary="Pintamos juntos la barda de la escuela.",
    )


@pytest.fixture
def occurrence(event):
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    return OccurrenceFactory(
        page=event, start=start, end=start + timedelta(hours=2), capacity=10
    )


@pytest.fixture
def tomorrow(event, settings):
    """A date tomorrow at 10:00 (local), inside the reminder window."""
    settings.EVENTS_REMINDER_HOURS = 48
    start = local_midnight(timezone.localdate() + timedelta(days=1)) + timedelta(
        hours=10
    )
    return OccurrenceFactory(page=event, start=start, end=start + timedelta(hours=2))


@pytest.fixture
def registration_data():
    return {
        "name": "Lucía Pérez",
        "email": "Lucia@Correo.example",
        "phone": "",
        "seats": "2",
        "accessibility_needs": "",
        "language": "es",
        "consent": "on",
        "website": "",
    }


def outbox() -> list:
    """The e-mails sent so far. Messages are queued when their transaction
    commits, which the test's own transaction never does, so the queue is
    delivered here as the worker would."""
    queued = OutgoingEmail.objects.filter(status="queued").order_by("pk")
    for pk in queued.values_list("pk", flat=True):
        attempt_delivery(pk)
    return mail.outbox


def edit_form_data(page, changes):
    """What the admin's edit form posts for ``page``, with ``changes`` to
    every one of its dates, to publish it."""

    def row(o):
        values = {
            "id": o.pk,
            "start": o.local_start.strftime("%Y-%m-%d %H:%M"),
            "end": o.local_end.strftime("%Y-%m-%d %H:%M"),
            "capacity": "" if o.capacity is None else str(o.capacity),
            "max_seats_per_registration": str(o.max_seats_per_registration),
            "waiting_list": o.waiting_list,
        }
        values.update(changes)
        if not values["waiting_list"]:
            del values["waiting_list"]
        return values

    occurrences = list(page.occurrences.order_by("start"))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "is_free": True,
            "registration_enabled": True,
            "occurrences": inline_formset(
                [row(o) for o in occurrences], initial=len(occurrences)
            ),
            "action-publish": "publish",
        }
    )
    return data
