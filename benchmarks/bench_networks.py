"""Protection networks: the public pages, the sign-up (form to queued
e-mail), the coordinators' list and export, and the purge, with many
volunteers."""

import time
import tracemalloc
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row, timed
from networks.factories import VolunteerFactory
from networks.models import ProtectionNetwork, Volunteer

PAGES = [
    ("Volunteering page (es)", "/es/participa/"),
    ("Volunteering page, filtered (es)", "/es/participa/?habilidad=interpreting"),
    ("Volunteering page (en)", "/en/take-part/"),
    ("Network page (es)", "/es/participa/red-tapachula/"),
    ("Sign-up form (es)", "/es/voluntariado/inscripcion/"),
]
VOLUNTEERS = 2000
SIGNUPS = 50


def run(report):
    client = Client()
    report.section(
        "Protection networks: public pages", f"{REQUESTS} requests per page."
    )
    report.table(
        PAGE_COLUMNS,
        [page_row(name, url, measure_page(client, url)) for name, url in PAGES],
    )
    _signups(report)
    _coordinator(report)
    _purge(report)


def _signups(report):
    """Sign-ups through the view: validation, one transaction, the
    confirmation e-mail rendered, stored and sent (locmem backend)."""
    network = ProtectionNetwork.objects.get(slug="red-tapachula")
    client = Client()
    counter = iter(range(10**6))

    def sign_up():
        n = next(counter)
        response = client.post(
            "/es/voluntariado/inscripcion/",
            {
                "name": f"Persona {n}",
                "email": f"bench{n}@correo.example",
                "municipality": "Tapachula",
                "interest": f"network-{network.pk}",
                "languages": ["es"],
                "skills": ["cooking"],
                "available_days": ["sat"],
                "available_times": ["morning"],
                "motivation": "Quiero ayudar.",
                "is_adult": "on",
                "privacy_consent": "on",
            },
        )
        assert response.status_code == 302, response.status_code

    from django.test import override_settings

    with override_settings(RATELIMIT_ENABLED=False):
        sign_up()
        with CaptureQueriesContext(connection) as queries:
            sign_up()
        query_count = len(queries)
        timing = timed(sign_up, SIGNUPS)
    mail.outbox = []
    report.section(
        "Volunteer sign-up",
        f"{SIGNUPS} sign-ups through the form (validation, one transaction, the "
        "confirmation e-mail rendered in two formats, stored and handed to the "
        "local e-mail backend).",
    )
    report.table(
        ["action", "SQL queries", "p50 ms", "p95 ms"],
        [
            [
                "POST sign-up",
                str(query_count),
                f"{timing['p50']:.1f}",
                f"{timing['p95']:.1f}",
            ]
        ],
    )


def _coordinator(report):
    """A coordinator with many volunteers: the list, a search and the CSV
    export of the whole network."""
    network = ProtectionNetwork.objects.get(slug="red-tapachula")
    with transaction.atomic():
        for _ in range(VOLUNTEERS // 100):
            Volunteer.objects.bulk_create(
                [VolunteerFactory.build(network=network) for _ in range(100)]
            )
    user = get_user_model().objects.get(username="coord.tapachula")
    client = Client()
    client.force_login(user)
    rows = []
    for name, url in [
        ("List, first page of 50", "/admin/networks_volunteer/"),
        ("Search", "/admin/networks_volunteer/?q=Persona"),
    ]:
        result = measure_page(client, url, repeat=max(REQUESTS // 10, 10))
        rows.append(page_row(name, url, result))
    report.section(
        "Coordinators' pipeline",
        f"The Tapachula coordinator with {network.volunteers.count()} volunteers.",
    )
    report.table(PAGE_COLUMNS, rows)

    url = "/admin/networks_volunteer/?export=csv"
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url)
    content = b"".join(response.streaming_content)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report.table(
        ["export", "rows", "seconds", "peak memory KiB", "size KiB"],
        [
            [
                f"CSV `{url}`",
                str(content.count(b"\n") - 1),
                f"{seconds:.2f}",
                f"{peak / 1024:.0f}",
                f"{len(content) / 1024:.0f}",
            ]
        ],
    )


def _purge(report):
    """Deleting what the retention rules make due, each deletion logged."""
    long_ago = timezone.now() - timedelta(days=30 * 25)
    due = Volunteer.objects.filter(network__slug="red-tapachula").order_by("pk")[:500]
    Volunteer.objects.filter(pk__in=list(due.values_list("pk", flat=True))).update(
        status="inactive", status_changed_at=long_ago
    )
    started = time.perf_counter()
    deleted = Volunteer.purge()
    seconds = time.perf_counter() - started
    report.section("Purge")
    report.table(
        ["records deleted", "seconds", "ms per record"],
        [[str(deleted), f"{seconds:.2f}", f"{seconds * 1000 / max(deleted, 1):.1f}"]],
    )
