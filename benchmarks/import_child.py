"""One measured import, in a process of its own so that its peak memory
(the maximum resident set size) is the import's alone:
``python -m benchmarks.import_child FOLDER empty|again``. Run by
:mod:`benchmarks.bench_directory` with the benchmark's database settings;
``empty`` removes the directory's entries first. Everything is rolled back
at the end; prints one JSON line."""

import json
import resource
import sys
import time
from pathlib import Path

import django


def peak_rss_mib() -> float:
    """This process's peak resident memory. Linux's ``VmHWM`` starts again
    at ``exec`` (``ru_maxrss`` keeps the forking parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(folder: str, mode: str):
    django.setup()
    from django.db import connection, transaction

    from directory.exchange import import_path
    from directory.models import Organization, Service

    with transaction.atomic():
        if mode == "empty":
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "TRUNCATE directory_service, directory_location, "
                        "directory_organization CASCADE"
                    )
            else:
                Service.objects.all().delete()
                Organization.objects.all().delete()
        started = time.perf_counter()
        report = import_path(folder)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rss_mib": peak_rss_mib(),
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "errors": len(report.errors),
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
