"""``make bench``: how fast and how heavy the site is.

Builds a throw-away database (SQLite, or ``BENCH_DATABASE_URL``) with the
demo content, then runs every ``benchmarks/bench_<name>.py`` module's
``run(report)``; ``python benchmarks/run.py <name> …`` runs only some. The
results go to ``benchmarks/results.md``. Tests never time anything; this does.
"""

import importlib
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="convivir-bench-"))
(WORKDIR / "static").mkdir()
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "convivir.settings",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
        ),
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "STATIC_MANIFEST": "false",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(WORKDIR / "media"),
        "STATIC_ROOT": str(WORKDIR / "static"),
        "VAR_DIR": str(WORKDIR / "var"),
        "EMAIL_BACKEND": "locmem",
        "SERVE_MEDIA": "true",
    }
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from benchmarks.common import Report  # noqa: E402


def main():
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--allow-production", stdout=open(os.devnull, "w"))  # noqa: SIM115
    setup_seconds = time.perf_counter() - started

    report = Report()
    report.paragraph(
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, {connection.vendor}, "
        f"{os.cpu_count()} CPUs. Demo built in {setup_seconds:.1f} s. "
        "Page timings go through Django's test client (in process, no network, "
        "DEBUG off); peak memory is what Python allocates while rendering one "
        "request (tracemalloc)."
    )
    only = set(sys.argv[1:])
    for module_path in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        name = module_path.stem
        if only and name.removeprefix("bench_") not in only:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"Running {name}…", flush=True)
        module.run(report)
    output = ROOT / "benchmarks" / "results.md"
    output.write_text(report.markdown())
    print(report.markdown())


if __name__ == "__main__":
    main()
