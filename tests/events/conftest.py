"""Fixtures for the events app: the calendar page, in Spanish and English,
and an event with one occurrence open for registration."""

from datetime import datetime, timedelta

from django.utils import timezone

import pytest

from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OccurrenceFactory,
    VenueFactory,
    category,
)
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
    from django.core import mail

    from convivir.models import OutgoingEmail
    from convivir.notifications import attempt_delivery

    queued = OutgoingEmail.objects.filter(status="queued").order_by("pk")
    for pk in queued.values_list("pk", flat=True):
        attempt_delivery(pk)
    return mail.outbox
