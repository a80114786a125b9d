"""Directory: the public pages and the HSDS API with the demo's forty
entries and again with thousands of generated ones; bulk generation, export
and import of a data package."""

import tempfile
import time
import tracemalloc
from pathlib import Path

from django.test import Client

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row
from directory.exchange import export_package, import_path
from directory.generate import generate
from directory.models import Service

PAGES = [
    ("Directory home (es)", "/es/buscar-ayuda/"),
    (
        "Directory home, filtered (es)",
        "/es/buscar-ayuda/?tipo=shelter&municipio=tapachula",
    ),
    ("Directory home (en)", "/en/find-help/"),
    ("Service page (es)", "/es/buscar-ayuda/servicio/albergue-san-juan/"),
    ("Confidential service page (es)", "/es/buscar-ayuda/servicio/refugio-mariposas/"),
    ("Town page (es)", "/es/buscar-ayuda/municipio/tapachula/"),
    ("Printable town sheet (es)", "/es/buscar-ayuda/municipio/tapachula/imprimir/"),
    ("HSDS services, page of 50", "/api/hsds/services"),
    ("HSDS organizations, page of 50", "/api/hsds/organizations"),
]
GENERATED = 5000


def run(report):
    client = Client()
    service = Service.objects.get(slug="albergue-san-juan")
    pages = [*PAGES, ("HSDS service (full)", f"/api/hsds/services/{service.pk}")]
    report.section(
        "Directory: public pages and API (demo, 40 entries)",
        f"{REQUESTS} requests per page.",
    )
    report.table(
        PAGE_COLUMNS,
        [page_row(name, url, measure_page(client, url)) for name, url in pages],
    )

    started = time.perf_counter()
    generate(GENERATED)
    seconds = time.perf_counter() - started
    report.section(
        f"Directory with {Service.objects.count()} entries",
        f"`generate_directory --count {GENERATED}` took {seconds:.1f} s "
        f"({GENERATED / seconds:.0f} services/s). Listings are paginated (20 per "
        "page; the API 50); the printable sheet lists a whole town.",
    )
    repeat = max(REQUESTS // 4, 10)
    report.table(
        PAGE_COLUMNS,
        [
            page_row(name, url, measure_page(client, url, repeat=repeat))
            for name, url in pages
        ],
    )
    _exchange(report)


def _exchange(report):
    folder = Path(tempfile.mkdtemp(prefix="convivir-hsds-"))
    tracemalloc.start()
    started = time.perf_counter()
    counts = export_package(folder)
    export_seconds = time.perf_counter() - started
    _, export_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(path.stat().st_size for path in folder.iterdir())

    started = time.perf_counter()
    result = import_path(folder)
    import_seconds = time.perf_counter() - started
    report.section("HSDS data package")
    report.table(
        ["action", "services", "seconds", "peak memory MiB", "size MiB"],
        [
            [
                "export_hsds",
                str(counts["services"]),
                f"{export_seconds:.1f}",
                f"{export_peak / 2**20:.0f}",
                f"{size / 2**20:.1f}",
            ],
            [
                "import_hsds (all updated)",
                str(result.updated),
                f"{import_seconds:.1f}",
                "",
                "",
            ],
        ],
    )
