"""Cultural events: venues and categories (:mod:`~events.models.places`),
the calendar and event pages (:mod:`~events.models.pages`), each event's
dates (:mod:`~events.models.occurrences`) and the registrations people make
for a date (:mod:`~events.models.registrations`).

Import them from here (``from events.models import Registration``). The
modules build on one another in that order (registrations on dates, pages on
dates and places), and the processes beside them (:mod:`events.seats`,
:mod:`events.booked`, :mod:`events.when`) import none of them.
"""

from events.models.occurrences import (
    PAGE_RELATED,
    Occurrence,
    OccurrenceQuerySet,
    add_months,
    local_date,
    local_midnight,
)
from events.models.pages import EventIndexPage, EventPage
from events.models.places import EventCategory, Venue
from events.models.registrations import (
    CANCEL_LINK,
    CONFIRMATION_LINK,
    Registration,
    RegistrationError,
    RegistrationQuerySet,
    seats_summary,
)

__all__ = [
    "CANCEL_LINK",
    "CONFIRMATION_LINK",
    "PAGE_RELATED",
    "EventCategory",
    "EventIndexPage",
    "EventPage",
    "Occurrence",
    "OccurrenceQuerySet",
    "Registration",
    "RegistrationError",
    "RegistrationQuerySet",
    "Venue",
    "add_months",
    "local_date",
    "local_midnight",
    "seats_summary",
]
