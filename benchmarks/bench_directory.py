"""Directory: the public pages and the HSDS API with the demo's forty
entries and again with thousands of generated ones; bulk generation, export
and import of a data package (``BENCH_EXPORT_SERVICES=20000`` to export
that many services; the default run exports the 5,000 generated)."""

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.test import Client

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row
from directory.exchange import import_path
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
ROOT = Path(__file__).resolve().parents[1]


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


# Runs manage.py, then prints the process's own peak resident memory. The
# peak a parent reads with wait4() would count the pages of the parent it
# was forked from (Linux keeps that high-water mark across exec), so the
# child reads its own: VmHWM, which exec resets.
PEAK_WRAPPER = """
import os, runpy, sys
sys.argv = sys.argv[1:]
sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM:"))
    print("peak_kib:", peak.split()[1])
"""


def _export(folder: Path) -> tuple[int, float, int]:
    """``manage.py export_hsds`` in its own process, as it runs in
    production: the number of services, seconds and peak resident memory
    (bytes) of the whole process, the loaded project included."""
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own command
        [
            sys.executable,
            "-c",
            PEAK_WRAPPER,
            str(ROOT / "manage.py"),
            "export_hsds",
            str(folder),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    services = re.search(r"^services: (\d+)$", result.stdout, re.MULTILINE)[1]
    peak = re.search(r"^peak_kib: (\d+)$", result.stdout, re.MULTILINE)[1]
    return int(services), seconds, int(peak) * 1024


def _exchange(report):
    folder = Path(tempfile.mkdtemp(prefix="convivir-hsds-"))
    wanted = int(os.environ.get("BENCH_EXPORT_SERVICES", "0"))
    if wanted > Service.objects.count():
        generate(wanted - Service.objects.count(), seed=2)
    services, export_seconds, export_peak = _export(folder)
    size = sum(path.stat().st_size for path in folder.iterdir())

    started = time.perf_counter()
    result = import_path(folder)
    import_seconds = time.perf_counter() - started
    report.section(
        "HSDS data package",
        "`export_hsds` runs in its own process; its memory is the peak "
        "resident size of that process, the loaded project included "
        f"(about 120 MiB before the first service). {services} services "
        "exported; `BENCH_EXPORT_SERVICES=20000` exports that many.",
    )
    report.table(
        ["action", "services", "seconds", "peak memory MiB", "size MiB"],
        [
            [
                "export_hsds (resident memory of the whole process)",
                str(services),
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
