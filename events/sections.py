"""The home page's "next events" section."""

from events.listings import rows_for
from events.models import EventIndexPage, Occurrence

HOME_EVENTS = 4


def next_events(page, request):
    """The next few occurrences, in the visitor's language, with a link to
    the calendar; None (no section) without a calendar or upcoming events."""
    index = EventIndexPage.for_visitor()
    if index is None:
        return None
    occurrences = (
        Occurrence.objects.listed().upcoming().with_seats().order_by("start", "pk")
    )[:HOME_EVENTS]
    rows = rows_for(occurrences, request)
    if not rows:
        return None
    return {"rows": rows, "calendar_url": index.get_url(request)}
