"""Factories for venues, event pages, occurrences and registrations, for
tests and benchmarks."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from events.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    Occurrence,
    Registration,
    Venue,
)


def spanish():
    return Locale.objects.get(language_code="es")


class VenueFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Centro comunitario {n}")
    address = "Calle Central 10"
    municipality = "Tapachula"
    state = "chiapas"
    latitude = "14.905600"
    longitude = "-92.263900"
    accessibility_notes = "Entrada sin escalones."
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = Venue


def category(slug: str = "taller", language: str = "es") -> EventCategory:
    """One of the categories the migration seeds."""
    return EventCategory.objects.get(slug=slug, locale__language_code=language)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Eventos"
    slug = "eventos"
    intro = "<p>Festivales, cine y diálogos.</p>"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evento {n}")
    summary = "Un encuentro para conocernos."
    venue = factory.SubFactory(VenueFactory)
    category = factory.LazyFunction(category)
    languages = factory.LazyFunction(lambda: ["es"])
    registration_enabled = True

    class Meta:
        model = EventPage


class OccurrenceFactory(DjangoModelFactory):
    """An occurrence two days from now, two hours long, ten seats."""

    page = factory.SubFactory(EventPageFactory)
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    capacity = 10

    class Meta:
        model = Occurrence


class RegistrationFactory(DjangoModelFactory):
    occurrence = factory.SubFactory(OccurrenceFactory)
    code = factory.LazyFunction(Registration.new_code)
    name = factory.Sequence(lambda n: f"Persona {n}")
    email = factory.Sequence(lambda n: f"persona{n}@correo.example")
    seats = 1
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
