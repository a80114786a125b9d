"""Events: the calendar's pages with the demo, then a month holding 2,000
events and 20,000 registrations, registration through the form, and (on
PostgreSQL) 200 people registering at once for 50 seats."""

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

from django.db import connection, connections, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row, timed
from events.models import EventIndexPage, EventPage, Occurrence, Registration, Venue

PAGES = [
    ("Calendar, upcoming (es)", "/es/eventos/"),
    ("Calendar, filtered (es)", "/es/eventos/?state=chiapas&category=taller"),
    ("Calendar, upcoming (en)", "/en/events/"),
    ("Month grid (es)", "/es/eventos/calendario/"),
    ("Past events (es)", "/es/eventos/archivo/"),
    ("Event page (es)", "/es/eventos/cine-foro-la-bestia/"),
    ("iCal feed (es)", "/es/eventos/calendar.ics"),
]
EVENTS = 2000
PER_PAGE = 5  # occurrences per event page: 400 pages, 2,000 dated events
REGISTRATIONS = 20000
SIGNUPS = 50
CONCURRENT = 200
SEATS = 50
WORKERS = 40


def run(report):
    client = Client()
    report.section("Events: public pages (demo)", f"{REQUESTS} requests per page.")
    rows = [page_row(name, url, measure_page(client, url)) for name, url in PAGES]
    occurrence = Occurrence.objects.listed().upcoming().order_by("start").first()
    url = f"/es/eventos/{occurrence.pk}/inscripcion/"
    rows.append(page_row("Registration form (es)", url, measure_page(client, url)))
    report.table(PAGE_COLUMNS, rows)
    month = _busy_month()
    _month(report, client, month)
    _registrations(report)
    _concurrent(report)


def _busy_month() -> date:
    """Add 2,000 dated events in one month (400 event pages of five dates)
    with 20,000 registrations; returns the month's first day."""
    index = EventIndexPage.objects.get(locale__language_code="es")
    venues = list(Venue.objects.filter(locale__language_code="es"))
    today = timezone.localdate()
    first = (today.replace(day=1) + timedelta(days=70)).replace(day=1)
    occurrences = []
    with transaction.atomic():
        for n in range(EVENTS // PER_PAGE):
            page = EventPage(
                title=f"Evento de prueba {n}",
                slug=f"evento-de-prueba-{n}",
                summary="Un evento para medir el calendario.",
                venue=venues[n % len(venues)],
                registration_enabled=True,
                languages=["es"],
            )
            index.add_child(instance=page)
            for k in range(PER_PAGE):
                day = first + timedelta(days=(n + k * 6) % 28)
                start = timezone.make_aware(datetime.combine(day, datetime.min.time()))
                start += timedelta(hours=9 + n % 10)
                occurrences.append(
                    Occurrence(
                        page=page,
                        start=start,
                        end=start + timedelta(hours=2),
                        capacity=20,
                        sort_order=k,
                    )
                )
        Occurrence.objects.bulk_create(occurrences, batch_size=500)
        per_occurrence = REGISTRATIONS // len(occurrences)
        made = []
        for occurrence in Occurrence.objects.filter(
            page__title__startswith="Evento de"
        ):
            for k in range(per_occurrence):
                made.append(
                    Registration(
                        occurrence=occurrence,
                        code=f"B{occurrence.pk:05d}{k}"[-8:],
                        name=f"Persona {k}",
                        email=f"p{occurrence.pk}.{k}@correo.example",
                        seats=1,
                        status="confirmed" if k < 8 else "waiting",
                        consent_at=timezone.now(),
                    )
                )
        Registration.objects.bulk_create(made, batch_size=1000)
    return first


def _month(report, client, first):
    url = f"/es/eventos/calendario/{first.year}/{first.month}/"
    listing = f"/es/eventos/?from={first.isoformat()}"
    repeat = max(REQUESTS // 10, 10)
    rows = [
        page_row("Month grid", url, measure_page(client, url, repeat=repeat)),
        page_row(
            "Upcoming list from that month",
            listing,
            measure_page(client, listing, repeat=repeat),
        ),
    ]
    total = Occurrence.objects.filter(
        start__year=first.year, start__month=first.month
    ).count()
    report.section(
        "Events: a busy month",
        f"{total} dated events in {first:%B %Y} ({EVENTS // PER_PAGE} event pages) "
        f"and {Registration.objects.count()} registrations in the database; "
        f"{repeat} requests per page. The grid shows three events per day and "
        "links to the rest.",
    )
    report.table(PAGE_COLUMNS, rows)


def _registrations(report):
    """Registrations through the form: validation, the row lock, one
    transaction, the confirmation e-mail with its .ics rendered and stored."""
    occurrence = (
        Occurrence.objects.listed().upcoming().filter(capacity__isnull=True).first()
        or Occurrence.objects.listed().upcoming().first()
    )
    occurrence.capacity = None
    occurrence.page.registration_enabled = True
    occurrence.save()
    EventPage.objects.filter(pk=occurrence.page_id).update(registration_enabled=True)
    client = Client()
    counter = iter(range(10**6))

    def register():
        n = next(counter)
        response = client.post(
            f"/es/eventos/{occurrence.pk}/inscripcion/",
            {
                "name": f"Persona {n}",
                "email": f"bench{n}@correo.example",
                "seats": "1",
                "language": "es",
                "consent": "on",
            },
        )
        assert response.status_code == 302, response.status_code

    with override_settings(RATELIMIT_ENABLED=False):
        register()
        with CaptureQueriesContext(connection) as queries:
            register()
        query_count = len(queries)
        timing = timed(register, SIGNUPS)
    report.section(
        "Event registration",
        f"{SIGNUPS} registrations through the form (validation, the occurrence's "
        "row locked, one transaction, the confirmation e-mail with its .ics "
        "rendered, stored and handed to the local e-mail backend).",
    )
    report.table(
        ["action", "SQL queries", "p50 ms", "p95 ms"],
        [
            [
                "POST registration",
                str(query_count),
                f"{timing['p50']:.1f}",
                f"{timing['p95']:.1f}",
            ]
        ],
    )


def _concurrent(report):
    """200 people registering at the same moment for 50 seats, served by
    40 workers (as 40 gunicorn workers would, each with its own database
    connection, well under PostgreSQL's connection limit)."""
    report.section("Concurrent registrations")
    if connection.vendor != "postgresql":
        report.paragraph(
            "Skipped: SQLite serialises writes; run with "
            "BENCH_DATABASE_URL=postgres://… to measure row locking."
        )
        return
    occurrence = Occurrence.objects.listed().upcoming().first()
    occurrence.capacity = SEATS
    occurrence.save()
    Registration.objects.filter(occurrence=occurrence).delete()
    errors = []

    def register(n):
        try:
            Registration.register(
                occurrence.pk, name=f"Persona {n}", email=f"c{n}@correo.example"
            )
        except Exception as error:
            errors.append(repr(error))

    def close_connection(_):
        connections.close_all()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(register, range(CONCURRENT)))
        list(pool.map(close_connection, range(WORKERS)))
    seconds = time.perf_counter() - started
    confirmed = Registration.objects.filter(
        occurrence=occurrence, status="confirmed"
    ).count()
    waiting = Registration.objects.filter(
        occurrence=occurrence, status="waiting"
    ).count()
    report.table(
        [
            "registrations",
            "workers",
            "seats",
            "seconds to settle",
            "confirmed",
            "waiting",
            "errors",
        ],
        [
            [
                str(CONCURRENT),
                str(WORKERS),
                str(SEATS),
                f"{seconds:.2f}",
                str(confirmed),
                str(waiting),
                str(len(errors)),
            ]
        ],
    )
