"""Directory: the public pages and the HSDS API with the demo's forty
entries and again with thousands of generated ones
(``BENCH_DIRECTORY_COUNT``, 5,000 by default; 20,000 for the import's
target); bulk generation, export and import of a data package: into an
empty directory, the same file again, and with a tenth of the entries
changed. Each import runs in a process of its own (its peak resident
memory is its own) and is rolled back."""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection
from django.test import Client

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row
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
GENERATED = int(os.environ.get("BENCH_DIRECTORY_COUNT", "5000"))
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
    exported, export_seconds, export_peak = _export(folder)
    size = sum(path.stat().st_size for path in folder.iterdir())

    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    changed_folder = Path(tempfile.mkdtemp(prefix="convivir-hsds-changed-"))
    for service in services[::10]:
        service["description"] += " (actualizado)"
    (changed_folder / "services.json").write_text(
        json.dumps(services, ensure_ascii=False), encoding="utf-8"
    )
    rows = [
        [
            "export_hsds",
            str(exported),
            f"{export_seconds:.1f}",
            f"{export_peak / 2**20:.0f} (peak RSS)",
            f"{size / 2**20:.1f}",
        ]
    ]
    for label, path, mode in (
        ("import_hsds into an empty directory (created)", folder, "empty"),
        ("import_hsds of the same file (unchanged)", folder, "again"),
        ("import_hsds with 10% changed (updated)", changed_folder, "again"),
    ):
        result = _import(path, mode)
        done = {
            "created": result["created"],
            "updated": result["updated"],
            "unchanged": result["unchanged"],
        }
        rows.append(
            [
                label,
                ", ".join(f"{n} {k}" for k, n in done.items() if n),
                f"{result['seconds']:.1f}",
                f"{result['rss_mib']:.0f} (peak RSS)",
                "",
            ]
        )
    report.section(
        "HSDS data package",
        f"{connection.vendor}, {exported} services "
        f"(`BENCH_DIRECTORY_COUNT={GENERATED}`). The export and each import run "
        "in a process of their own, as in production; their peak resident set "
        "size includes the loaded project (about 120 MiB before the first "
        "service).",
    )
    report.table(["action", "services", "seconds", "peak memory MiB", "size MiB"], rows)


def _import(folder, mode) -> dict:
    """One import in a process of its own (:mod:`benchmarks.import_child`)."""
    output = subprocess.run(  # noqa: S603 - this project's own module
        [sys.executable, "-m", "benchmarks.import_child", str(folder), mode],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])
