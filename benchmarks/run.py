"""``make bench``: how fast and how heavy the site is.

Builds a throw-away database (SQLite, or ``BENCH_DATABASE_URL``, which
``make bench`` points at PostgreSQL: that database is dropped and created
afresh) with the demo content, then runs every ``benchmarks/bench_<name>.py``
module's ``run(report)``. The results go to ``benchmarks/results.md``;
``python benchmarks/run.py <name> …`` runs only some and replaces only their
sections there. Tests never time anything; this does.
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


def _fresh_postgresql_database(url: str) -> None:
    """Drop and create the database ``url`` names (PostgreSQL only)."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        return
    with psycopg.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    ) as admin:
        name = sql.Identifier(config["NAME"])
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


_fresh_postgresql_database(os.environ["DATABASE_URL"])

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
    text = report.markdown()
    if only and output.exists():
        text = merged(output.read_text(), text)
    output.write_text(text)
    print(report.markdown())


def _sections(markdown: str) -> tuple[str, dict[str, str]]:
    """The text before the first "## " heading, and each section by title."""
    head, *parts = markdown.split("\n## ")
    return head, {
        part.split("\n", 1)[0]: "## " + part.rstrip("\n") + "\n" for part in parts
    }


def merged(previous: str, new: str) -> str:
    """``previous`` with the sections ``new`` has replaced (same title) or
    added at the end; its opening paragraph notes the partial run."""
    head, sections = _sections(previous)
    new_head, new_sections = _sections(new)
    run_line = new_head.strip().splitlines()[-1]
    for title, text in new_sections.items():
        sections[title] = text.replace("\n\n", f"\n\n{run_line}\n\n", 1)
    return head.rstrip("\n") + "\n\n" + "\n".join(sections.values())


if __name__ == "__main__":
    main()
