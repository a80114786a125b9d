"""Measuring helpers shared by the ``bench_*.py`` modules."""

import os
import statistics
import time
import tracemalloc
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))


def timed(function: Callable, repeat: int) -> dict:
    """p50 and p95 of ``repeat`` calls, in milliseconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[max(int(len(timings) * 0.95) - 1, 0)],
    }


def measure_page(client: Client, url: str, repeat: int = REQUESTS) -> dict:
    """Status, SQL queries, p50/p95 time, peak memory and size of one page."""
    client.get(url)  # warm up: renditions, template and URL caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: the captured list is a view on the connection's log, which
    # the next requests reset.
    query_count = len(queries)
    tracemalloc.start()
    client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "status": response.status_code,
        "queries": query_count,
        **timed(lambda: client.get(url), repeat),
        "peak_kib": peak / 1024,
        "html_kib": len(response.content) / 1024,
    }


PAGE_COLUMNS = [
    "page",
    "status",
    "SQL queries",
    "p50 ms",
    "p95 ms",
    "peak memory KiB",
    "HTML KiB",
]


def page_row(name: str, url: str, result: dict) -> list[str]:
    return [
        f"{name} `{url}`",
        str(result["status"]),
        str(result["queries"]),
        f"{result['p50']:.1f}",
        f"{result['p95']:.1f}",
        f"{result['peak_kib']:.0f}",
        f"{result['html_kib']:.1f}",
    ]


class Report:
    """A Markdown document built section by section."""

    def __init__(self):
        self.parts = ["# Benchmark results", ""]

    def paragraph(self, text: str):
        self.parts += [text, ""]

    def section(self, title: str, text: str = ""):
        self.parts += [f"## {title}", ""]
        if text:
            self.paragraph(text)

    def table(self, columns: list[str], rows: list[list[str]]):
        self.parts.append("| " + " | ".join(columns) + " |")
        self.parts.append("|" + "---|" * len(columns))
        self.parts += ["| " + " | ".join(row) + " |" for row in rows]
        self.parts.append("")

    def markdown(self) -> str:
        return "\n".join(self.parts)
