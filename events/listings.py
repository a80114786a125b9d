"""The calendar's pages: the upcoming list, the month grid and the archive.
The calendar page's routes call these with the page and the occurrences to
list (a queryset of canonical dates), and render what they return; nothing
here knows a page class.

Every listing costs the same number of queries however many events there
are: occurrences come with their event, venue and category in one query,
then the events in the visitor's language in one more, and the filter
counts each facet in one query.
"""

import calendar
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from convivir.common.inputs import month_in_calendar
from convivir.common.languages import in_visitor_language
from events.filters import EventFilter
from events.models.occurrences import PAGE_RELATED

# Events shown in a day's cell of the month grid; the rest are a link.
DAY_LIMIT = 3
GRID_FIELDS = [
    "start",
    "end",
    "all_day",
    "page__title",
    "page__url_path",
    "page__translation_key",
    "page__locale_id",
]


def rows_for(occurrences, request=None, details=True) -> list[dict]:
    """Each occurrence with its event in the visitor's language, the event's
    address and (with ``details``) its venue and category translated: a
    fixed number of queries for any number of occurrences."""
    occurrences = list(occurrences)
    pages = in_visitor_language(
        [o.page for o in occurrences], select_related=PAGE_RELATED
    )
    if details:
        venues = in_visitor_language([page.venue for page in pages])
        categories = in_visitor_language([page.category for page in pages])
    else:
        venues = categories = [None] * len(pages)
    return [
        {
            "occurrence": occurrence,
            "event": page,
            "url": page.get_url(request),
            "venue": venue,
            "category": category,
        }
        for occurrence, page, venue, category in zip(
            occurrences, pages, venues, categories, strict=True
        )
    ]


def feed_url(listing: EventFilter) -> str:
    """The iCal feed of what ``listing`` shows."""
    query = listing.querystring()
    return reverse("events:calendar_ics") + (f"?{query}" if query else "")


def subpage_url(page, request, name: str, **kwargs) -> str:
    """The address of one of the calendar page's routes, in its language."""
    return page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs or None)


def _listing(request, listing: EventFilter, results, view: str) -> dict:
    page_obj = listing.page(results)
    return {
        "filter": listing,
        "page_obj": page_obj,
        "rows": rows_for(page_obj.object_list, request),
        "query": listing.querystring(),
        "feed_url": feed_url(listing),
        "view": view,
    }


def upcoming(page, request, occurrences) -> dict:
    """The upcoming occurrences, soonest first, with the filters and the
    seats left."""
    listing = EventFilter(request.GET, occurrences)
    results = listing.results.with_seats().order_by("start", "pk")
    return _listing(request, listing, results, "upcoming")


def archive(page, request, occurrences) -> dict:
    """Past occurrences, latest first."""
    listing = EventFilter(request.GET, occurrences)
    return _listing(
        request, listing, listing.results.order_by("-start", "-pk"), "archive"
    )


def month(page, request, occurrences, year=None, month=None) -> dict:
    """The month grid: a table of weeks (Monday first) with each day's
    occurrences. An occurrence shows on every local day it covers. An
    impossible month, or one outside the site's calendar, gives
    ``invalid_month`` (the page answers 400)."""
    today = timezone.localdate()
    if year is None or month is None:
        year, month = today.year, today.month
    if not month_in_calendar(year, month):
        return {"invalid_month": True, "weeks": [], "view": "month"}

    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    listing = EventFilter(request.GET, occurrences.between(first, last))
    # A busy month holds thousands of dates: only what the grid shows is
    # loaded (title and address of each event, no venue or category).
    shown_days = list(
        listing.results.select_related(None)
        .select_related("page")
        .only(*GRID_FIELDS)
        .order_by("start", "pk")
    )
    by_day: dict[date, list] = {}
    for occurrence in shown_days:
        for day in occurrence.days():
            if first <= day <= last:
                by_day.setdefault(day, []).append(occurrence)
    # Titles and addresses only for what the cells show.
    shown = {o.pk: o for day in by_day.values() for o in day[:DAY_LIMIT]}
    rows = {
        row["occurrence"].pk: row
        for row in rows_for(shown.values(), request, details=False)
    }
    list_url = page.get_url(request)
    archive_url = subpage_url(page, request, "archive")
    grid = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "is_today": day == today,
                "rows": [rows[o.pk] for o in by_day.get(day, [])[:DAY_LIMIT]],
                "more": max(len(by_day.get(day, [])) - DAY_LIMIT, 0),
                "day_url": (list_url if day >= today else archive_url)
                + "?"
                + listing.querystring(
                    **{"from": day.isoformat(), "to": day.isoformat()}
                ),
            }
            for day in week
        ]
        for week in weeks
    ]
    previous = date(year, month, 1) - timedelta(days=1)
    following = date(year, month, 28) + timedelta(days=7)
    query = listing.querystring()
    suffix = f"?{query}" if query else ""

    def month_url(day):
        # The calendar's first and last months link no further.
        if not month_in_calendar(day.year, day.month):
            return ""
        return (
            subpage_url(page, request, "month", year=day.year, month=day.month) + suffix
        )

    return {
        "filter": listing,
        "invalid_month": False,
        "weeks": grid,
        "month_start": date(year, month, 1),
        "weekdays": [date(2024, 1, day) for day in range(1, 8)],  # Monday first
        "previous_url": month_url(previous),
        "next_url": month_url(following),
        "total": len(shown_days),
        "feed_url": feed_url(listing),
        "view": "month",
    }
