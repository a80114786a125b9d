"""Search: the query interface (words + two facets + a distance, with the
facet counts and the page) on ``BENCH_SEARCH_COUNT`` services (20,000 by
default), beside the bare full-text query on the same rows (PostgreSQL's
ranked ``tsvector`` match, SQLite's ``LIKE``), and the directory page
asking the same. Run on PostgreSQL with ``BENCH_DATABASE_URL``."""

import os
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row, timed
from directory.generate import generate
from directory.models import Service
from directory.models.services import SERVICES_KIND
from search import engine, postgres
from search.database import DatabaseBackend
from search.places import bounding_box, town_named
from search.query import Query
from search.stored import forms, token

COUNT = int(os.environ.get("BENCH_SEARCH_COUNT", "20000"))
TAPACHULA = town_named("Tapachula")
QUERIES = [
    (
        "words + 2 facets + distance",
        Query(
            text="albergue",
            filters={"state": ["chiapas"], "type": ["shelter"]},
            near=(TAPACHULA.latitude, TAPACHULA.longitude),
            radius_km=100,
        ),
    ),
    ("words only", Query(text="donde puedo dormir")),
    ("two words, synonyms", Query(text="comida para familias")),
    ("a typo", Query(text="albegue")),
    ("nothing but filters", Query(filters={"type": ["food"]})),
]


def _bare(text: str):
    """The plain full-text query on the same rows: the words read as the
    interface reads them, the first page ranked by ``ts_rank``."""
    reading = DatabaseBackend().read(text)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT key, ts_rank(document, q) AS rank FROM convivir_search_entry, "
                "to_tsquery('simple', %s) q WHERE document @@ q "
                "ORDER BY rank DESC, sort_name LIMIT 20",
                [postgres.tsquery(reading, every=True)],
            )
        else:
            pattern = f"% {forms(reading.clauses[0])[0][0]} %"
            cursor.execute(
                "SELECT key FROM convivir_search_entry WHERE title LIKE %s "
                "OR body LIKE %s ORDER BY sort_name LIMIT 20",
                [pattern, pattern],
            )
        return cursor.fetchall()


def _bare_filtered(text: str, query: Query):
    """The same full-text query by hand with the same two filters and the
    distance (the places in the box, the nearest within the radius): the
    first page ranked, without the facet counts or the total."""
    reading = DatabaseBackend().read(text)
    latitude, longitude = query.near
    south, north, west, east = bounding_box(latitude, longitude, query.radius_km)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM (SELECT e.key, ts_rank(e.document, q) AS rank, "
            "min(2 * 6371 * asin(sqrt(power(sin((radians(p.latitude) - "
            "radians(%s)) / 2), 2) + cos(radians(%s)) * cos(radians(p.latitude)) "
            "* power(sin((radians(p.longitude) - radians(%s)) / 2), 2)))) AS km "
            "FROM convivir_search_entry e JOIN convivir_search_place p "
            "ON p.entry_id = e.id AND p.latitude BETWEEN %s AND %s "
            "AND p.longitude BETWEEN %s AND %s, to_tsquery('simple', %s) q "
            "WHERE e.document @@ q AND e.facets LIKE %s AND e.facets LIKE %s "
            "GROUP BY e.id, q.q) n WHERE km <= %s ORDER BY rank DESC LIMIT 20",
            [
                latitude,
                latitude,
                longitude,
                south,
                north,
                west,
                east,
                postgres.tsquery(reading, every=True),
                *(f"% {token(f, v[0])} %" for f, v in query.filters.items() if v),
                query.radius_km,
            ],
        )
        return cursor.fetchall()


def run(report):
    missing = COUNT - Service.objects.count()
    started = time.perf_counter()
    if missing > 0:
        generate(missing)
    built = time.perf_counter() - started
    repeat = max(REQUESTS // 2, 20)
    rows = []
    for name, query in QUERIES:
        engine.search(SERVICES_KIND, query)  # warm
        with CaptureQueriesContext(connection) as queries:
            results = engine.search(SERVICES_KIND, query)
        timing = timed(lambda query=query: engine.search(SERVICES_KIND, query), repeat)
        rows.append(
            [
                name,
                str(results.total),
                str(len(queries)),
                f"{timing['p50']:.1f}",
                f"{timing['p95']:.1f}",
            ]
        )
    bare = timed(lambda: _bare(QUERIES[0][1].text), repeat)
    filtered = (
        timed(lambda: _bare_filtered(QUERIES[0][1].text, QUERIES[0][1]), repeat)
        if connection.vendor == "postgresql"
        else None
    )
    interface = timed(lambda: engine.search(SERVICES_KIND, QUERIES[0][1]), repeat)
    report.section(
        f"Search: the query interface on {Service.objects.count():,} services "
        f"({connection.vendor})",
        f"{repeat} runs each; generating and indexing the services took {built:.0f} s. "
        "Each search returns the page, the total and the counts of all five facets.",
    )
    report.table(["query", "total", "SQL queries", "p50 ms", "p95 ms"], rows)
    report.table(
        ["", "p50 ms", "p95 ms"],
        [
            [
                "bare full-text query (first page, ranked)",
                f"{bare['p50']:.1f}",
                f"{bare['p95']:.1f}",
            ],
            *(
                [
                    [
                        "bare full-text query with the same two filters and "
                        "distance (first page, ranked; no counts)",
                        f"{filtered['p50']:.1f}",
                        f"{filtered['p95']:.1f}",
                    ]
                ]
                if filtered
                else []
            ),
            [
                "interface: words + 2 facets + distance",
                f"{interface['p50']:.1f}",
                f"{interface['p95']:.1f}",
            ],
            [
                "ratio to the bare query (p95)",
                "",
                f"{interface['p95'] / max(bare['p95'], 0.001):.1f} x",
            ],
            *(
                [
                    [
                        "ratio to the bare query with filters and distance (p95)",
                        "",
                        f"{interface['p95'] / max(filtered['p95'], 0.001):.1f} x",
                    ]
                ]
                if filtered
                else []
            ),
        ],
    )
    client = Client()
    params = "q=albergue&estado=chiapas&tipo=shelter&cerca=tapachula&radio=100"
    url = f"/es/buscar-ayuda/?{params}"
    report.table(
        PAGE_COLUMNS,
        [page_row("Directory search page", url, measure_page(client, url, repeat))],
    )
