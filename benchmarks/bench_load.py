"""Under load: the site as it runs in production (gunicorn, 2 sync workers,
DEBUG off, persistent database connections, the cache in Redis when one
answers), with 20,000 services, 2,000 dated events, 20,000 registrations
and 5,000 volunteers, measured with wrk (Debian's package) from the same
machine: each page without and with the whole-page cache, beside a static
file of the same size served by the same server (the ceiling). Then 200
people registering at the same moment for 50 seats, through the form, on
4 workers. Needs PostgreSQL (``BENCH_DATABASE_URL``)."""

import itertools
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from benchmarks.load_data import busiest_town, fill, rush_occurrence

ROOT = Path(__file__).resolve().parents[1]
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "6"))
CONNECTIONS = 16
WRK = shutil.which("wrk") or "wrk"
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %f %f %f %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors))
end
"""
RUSH = 200
RUSH_SEATS = 50


def run(report):
    report.section("Under load (gunicorn and wrk)")
    if connection.vendor != "postgresql":
        report.paragraph(
            "Skipped: run with BENCH_DATABASE_URL=postgres://… (the figures are "
            "for PostgreSQL, as in production)."
        )
        return
    if not shutil.which("wrk"):
        report.paragraph("Skipped: wrk is not installed (make bench installs it).")
        return
    counts = fill()
    pages = _pages()
    queries = {name: _queries(url) for name, url in pages}
    static = _static_copies(pages)
    env = _server_env()
    rows = []
    with _server(env | {"PAGE_CACHE_SECONDS": "0"}, workers=2) as server:
        uncached = {name: _wrk(server.base + url) for name, url in pages}
        alone = {name: _wrk(server.base + url, connections=1) for name, url in pages}
        ceiling = {name: _wrk(server.base + static[name]) for name, _ in pages}
    with _server(env | {"PAGE_CACHE_SECONDS": "300"}, workers=2) as server:
        cached = {name: _wrk(server.base + url) for name, url in pages}
        rss = _worker_rss(server)
    for name, url in pages:
        row = [name, f"`{url}`", str(queries[name])]
        for result in (uncached[name], cached[name]):
            row += [
                f"{result['rps']:,.0f}",
                f"{result['p50']:.1f}",
                f"{result['p95']:.1f}",
            ]
        top = ceiling[name]["rps"]
        row += [
            f"{top:,.0f}",
            f"{uncached[name]['rps'] / top:.2f}",
            f"{cached[name]['rps'] / top:.2f}",
        ]
        errors = uncached[name]["errors"] + cached[name]["errors"]
        row.append(str(errors))
        rows.append(row)
    report.paragraph(
        f"Data: {counts}. wrk, 2 threads by {CONNECTIONS} connections, {SECONDS} s "
        "per run, on the same 2 CPUs as the server; no Accept-Encoding (plain "
        "bodies, like the static copies). Uncached: PAGE_CACHE_SECONDS=0 (the "
        "search results cache still works, as in production). Cached: as in "
        "production, each worker serving its own copy of a page it served last "
        "and asking Redis what changed at most once a second. Static: a file "
        "of the page's size, served by the same gunicorn through WhiteNoise."
    )
    report.table(
        [
            "page",
            "address",
            "SQL queries (uncached)",
            "uncached req/s",
            "p50 ms",
            "p95 ms",
            "cached req/s",
            "p50 ms",
            "p95 ms",
            "static req/s",
            "uncached ÷ static",
            "cached ÷ static",
            "errors",
        ],
        rows,
    )
    report.paragraph(
        "Uncached, one visitor at a time (wrk, 1 connection): how long a page "
        "takes to answer when no other request waits before it (with 16 "
        "connections on 2 workers, each request also waits for about 7 others)."
    )
    report.table(
        ["page", "req/s", "p50 ms", "p95 ms"],
        [
            [
                name,
                f"{alone[name]['rps']:,.0f}",
                f"{alone[name]['p50']:.1f}",
                f"{alone[name]['p95']:.1f}",
            ]
            for name, _url in pages
        ],
    )
    report.paragraph(
        "Worker resident memory after the cached runs: "
        + ", ".join(f"{mb:.0f} MB" for mb in rss)
        + "."
    )
    _rush(report, env)


def _pages() -> list[tuple[str, str]]:
    from campaigns.models import CampaignPage
    from directory.models import Service

    campaign = CampaignPage.objects.live().filter(locale__language_code="es").first()
    service = Service.objects.public().order_by("created_at").last()
    town = busiest_town()
    return [
        ("Health check", "/healthz"),
        ("Home", "/es/"),
        ("A campaign", campaign.url),
        ("Events list", "/es/eventos/"),
        ("Month view", "/es/eventos/calendario/"),
        (
            "Directory search: words + 2 facets + distance",
            "/es/buscar-ayuda/?q=albergue&estado=chiapas&tipo=shelter&cerca=tapachula",
        ),
        ("Directory home", "/es/buscar-ayuda/"),
        ("A service page", f"/es/buscar-ayuda/servicio/{service.slug}/"),
        (
            f"A town page ({town[1]:,} services)",
            f"/es/buscar-ayuda/municipio/{town[0]}/",
        ),
        ("HSDS /services", "/api/hsds/services"),
    ]


def _queries(url: str) -> int:
    client = Client()
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def _static_copies(pages) -> dict[str, str]:
    """A file of each page's size in the static folder: the ceiling."""
    folder = Path(settings.STATIC_ROOT) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    client = Client()
    copies = {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        for n, (name, url) in enumerate(pages):
            size = len(client.get(url).content)
            (folder / f"page-{n}.html").write_bytes(b"x" * size)
            copies[name] = f"/static/bench/page-{n}.html"
    return copies


def _server_env() -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_CONN_MAX_AGE="600",
        TASKS_BACKEND="database",
        RATELIMIT_ENABLED="false",
        # Plain HTTP here: the form token's cookie must be sent back.
        CSRF_COOKIE_SECURE="false",
        SESSION_COOKIE_SECURE="false",
        CACHE_URL=_cache_url(),
    )
    return env


def _cache_url() -> str:
    url = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13?prefix=bench")
    host = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((host.hostname, host.port or 6379), timeout=1).close()
    except OSError:
        return "locmem://"
    return url


class _server:
    """gunicorn with ``workers`` sync workers on a free port."""

    def __init__(self, env, workers):
        self.env, self.workers = env, workers

    def __enter__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603 - our own server
            [
                str(gunicorn),
                "convivir.wsgi",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def _wrk(url: str, connections: int = CONNECTIONS) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    subprocess.run(  # noqa: S603 - warm-up
        [WRK, "-t2", "-c4", "-d1s", url], capture_output=True, check=True
    )
    load = [f"-t{min(2, connections)}", f"-c{connections}", f"-d{SECONDS}s"]
    result = subprocess.run(  # noqa: S603
        [WRK, *load, "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
    )
    os.unlink(script.name)
    rps, p50, p95, errors = re.search(
        r"RESULT (\S+) (\S+) (\S+) (\d+)", result.stdout
    ).groups()
    return {
        "rps": float(rps),
        "p50": float(p50),
        "p95": float(p95),
        "errors": int(errors),
    }


def _worker_rss(server) -> list[float]:
    """Resident memory of each worker (the master's children), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines()
            )
        except (OSError, ValueError):
            continue
        if int(fields.get("PPid", 0)) == server.process.pid:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sizes


def _rush(report, env):
    """200 people pressing "Register" at the same moment for 50 seats."""
    occurrence = rush_occurrence(RUSH_SEATS)
    path = f"/es/eventos/{occurrence.pk}/inscripcion/"
    with _server(env | {"PAGE_CACHE_SECONDS": "0"}, workers=4) as server:
        visitors = [_Visitor(server.base, path) for _ in range(RUSH)]
        with ThreadPoolExecutor(max_workers=32) as pool:
            list(pool.map(lambda v: v.open_form(), visitors))
        start = threading.Barrier(RUSH + 1)
        threads = [
            threading.Thread(target=v.register, args=(n, start))
            for n, v in enumerate(visitors)
        ]
        for thread in threads:
            thread.start()
        start.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - began
    registrations = list(occurrence.registrations.order_by("created_at", "pk"))
    confirmed = [r for r in registrations if r.status == "confirmed"]
    waiting = [r for r in registrations if r.status == "waiting"]
    in_order = all(
        a.created_at <= b.created_at for a, b in itertools.pairwise(waiting)
    ) and all(c.created_at <= w.created_at for c in confirmed[-1:] for w in waiting[:1])
    statuses = sorted({v.status for v in visitors})
    report.paragraph(
        f"Registration rush: {RUSH} POSTs released at once to 4 gunicorn workers "
        f"for {RUSH_SEATS} seats with a waiting list (each visitor opened the "
        "form first, for its token)."
    )
    report.table(
        ["seconds to settle", "confirmed", "waiting", "waiting in order", "answers"],
        [
            [
                f"{seconds:.2f}",
                str(len(confirmed)),
                str(len(waiting)),
                str(in_order),
                ", ".join(map(str, statuses)),
            ]
        ],
    )


class _Visitor:
    def __init__(self, base, path):
        self.url = base + path
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )
        self.status = None

    def open_form(self):
        html = self.opener.open(self.url, timeout=30).read().decode()
        self.token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', html
        ).group(1)

    def register(self, n, start):
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.token,
                "name": f"Persona {n}",
                "email": f"rush{n}@correo.example",
                "seats": "1",
                "language": "es",
                "consent": "on",
                "website": "",
            }
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - our own server
            self.url, data=data, headers={"Referer": self.url}
        )
        start.wait()
        try:
            self.status = self.opener.open(request, timeout=60).status
        except urllib.error.HTTPError as error:
            self.status = error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
