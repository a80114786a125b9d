"""A slow network: largest contentful paint, bytes and requests on a first
visit from a phone at 400 kbit/s with 400 ms of latency (Debian's chromium,
throttled through the DevTools protocol), and Lighthouse's mobile scores.

The site runs as in production, in a ``gunicorn`` process of its own with
DEBUG off and the static files collected with hashed, compressed names and
served by WhiteNoise; it reads the bench's database."""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks.bench_weight import CHROMIUM, FLAGS
from directory.models import Service
from directory.public_urls import directory_page
from events.models import Occurrence

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
TARGET_MS = 3000
KBIT = 400
LATENCY_MS = 400
CONDITIONS = {
    "offline": False,
    "latency": LATENCY_MS,
    "downloadThroughput": KBIT * 1024 / 8,
    "uploadThroughput": KBIT * 1024 / 8,
}
PHONE = {
    "viewport": {"width": 360, "height": 640},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"
    ),
}
# Added before the page's own scripts (the page's Content-Security-Policy
# does not apply to Playwright's init scripts): keeps the latest candidate.
LCP_OBSERVER = """
window.__lcp = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__lcp = entry.startTime;
}).observe({type: "largest-contentful-paint", buffered: true});
"""
READ_LCP = "() => window.__lcp"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Lighthouse starts its own chromium: without these two, chromium's
# component updater looks for downloads.
LIGHTHOUSE_FLAGS = [*FLAGS, "--disable-component-update", "--no-first-run"]


def run(report):
    report.section(
        "Slow network",
        f"A first visit (empty cache) from a 360x640 phone (2x screen, mobile "
        f"user agent) at {KBIT} kbit/s down and up with {LATENCY_MS} ms of "
        f"latency, emulated in Debian's chromium; {RUNS} visits per page. "
        "LCP is the largest contentful paint read after the load event and "
        "network idle; bytes are what came over the wire (compressed, headers "
        "included) for the page's own requests (not its service worker's). "
        f"Target: LCP ≤ {TARGET_MS} ms. The server is gunicorn with DEBUG off "
        "and WhiteNoise's compressed static files, on this machine.",
    )
    if not shutil.which(CHROMIUM):
        report.paragraph(f"Skipped: {CHROMIUM} is not installed.")
        return
    pages = _pages()
    started = time.perf_counter()
    with _server() as base:
        visits = {
            name: [_visit(base, path) for _ in range(RUNS)] for name, path in pages
        }
        browser_seconds = time.perf_counter() - started
        scores = {name: _lighthouse(base + path) for name, path in pages}
    rows = [_row(name, path, visits[name], scores[name]) for name, path in pages]
    benchmarks = [s["benchmark"] for s in scores.values() if isinstance(s, dict)]
    report.table(
        [
            "page",
            f"LCP median / max ms ({KBIT} kbit/s, {LATENCY_MS} ms RTT)",
            f"LCP ≤ {TARGET_MS / 1000:.0f} s",
            "KiB transferred",
            "requests",
            "Lighthouse performance",
            "accessibility",
            "best practices",
            "SEO",
        ],
        rows,
    )
    report.paragraph(
        f"Browser visits took {browser_seconds:.0f} s, the whole section "
        f"{time.perf_counter() - started:.0f} s (load average "
        f"{os.getloadavg()[0]:.1f} at the end). Lighthouse "
        f"{_lighthouse_version()} runs once per page against the same server "
        "over plain HTTP on 127.0.0.1, mobile form factor, with its own "
        "simulated throttling (150 ms RTT, 1.6 Mbit/s, 4x CPU slowdown); "
        "its performance score depends on this machine's CPU"
        + (
            f" (Lighthouse's CPU benchmark index here: {min(benchmarks):.0f} "
            f"to {max(benchmarks):.0f})."
            if benchmarks
            else "."
        )
    )


def _pages() -> list[tuple[str, str]]:
    """Each public page type: the home pages, the directory, one of the
    demo's services, one upcoming demo event."""
    directory = directory_page("es")
    pages = [
        ("Home (es)", "/es/"),
        ("Home (en)", "/en/"),
        ("Directory (es)", directory.url),
    ]
    service = Service.objects.public().order_by("pk").first()
    if service is not None:
        pages.append(("Service (es)", service.get_url(directory=directory)))
    occurrence = (
        Occurrence.objects.listed()
        .upcoming()
        .filter(page__locale__language_code="es")
        .order_by("start")
        .select_related("page")
        .first()
    )
    if occurrence is not None:
        pages.append(("Event (es)", occurrence.page.url))
    return pages


class _server:
    """gunicorn on a free local port, over the bench's database, with the
    production static files collected into a directory of their own."""

    def __enter__(self) -> str:
        self.workdir = Path(tempfile.mkdtemp(prefix="convivir-network-"))
        env = {
            **os.environ,
            "STATIC_MANIFEST": "true",
            "STATIC_ROOT": str(self.workdir / "static"),
            "DEBUG": "false",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.log = open(self.workdir / "gunicorn.log", "w")
        self.process = subprocess.Popen(  # noqa: S603 - this project's own server
            [
                sys.executable,
                "-m",
                "gunicorn",
                "convivir.wsgi",
                f"--bind=127.0.0.1:{port}",
                "--workers=2",
                "--threads=4",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            self._wait(base)
        except BaseException:
            self.__exit__()
            raise
        return base

    def _wait(self, base: str):
        """Until the home page answers (the first request also waits for a
        worker to import the site)."""
        deadline = time.monotonic() + 120
        home = base + "/es/"  # http://127.0.0.1 only
        while True:
            try:
                with urllib.request.urlopen(home, timeout=60):  # noqa: S310
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.workdir / "gunicorn.log").read_text()[-2000:]
                    raise RuntimeError(f"gunicorn did not start: {log}") from None
                time.sleep(0.5)

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


class _Traffic:
    """What the page's DevTools session saw: requests sent, bytes received."""

    def __init__(self, session):
        self.requests = 0
        self.bytes = 0
        self.failed = []
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.loadingFailed", self._failed)

    def _sent(self, event):
        if not event["request"]["url"].startswith("data:"):
            self.requests += 1

    def _finished(self, event):
        self.bytes += event["encodedDataLength"]

    def _failed(self, event):
        self.failed.append(event.get("errorText", ""))


def _visit(base: str, path: str) -> dict:
    """One cold visit in a fresh browser: LCP (ms), bytes and requests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(**PHONE)
        context.add_init_script(LCP_OBSERVER)
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        session.send("Network.emulateNetworkConditions", CONDITIONS)
        traffic = _Traffic(session)
        response = page.goto(base + path, wait_until="load", timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=120_000)
        lcp = page.evaluate(READ_LCP)
        browser.close()
    if response is None or response.status != 200:
        raise RuntimeError(f"{path}: {response and response.status}")
    return {"lcp": lcp, "bytes": traffic.bytes, "requests": traffic.requests}


def _lighthouse(url: str) -> dict | str:
    """The four category scores (0 to 100), or why Lighthouse did not run."""
    if not LIGHTHOUSE.exists():
        return "not installed (make node-deps)"
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "report.json"
        try:
            result = subprocess.run(  # noqa: S603 - the project's own node tool
                [
                    str(LIGHTHOUSE),
                    url,
                    "--output=json",
                    f"--output-path={output}",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--form-factor=mobile",
                    "--screenEmulation.mobile",
                    "--throttling-method=simulate",
                    "--chrome-flags=" + " ".join(LIGHTHOUSE_FLAGS),
                    "--no-enable-error-reporting",
                    "--quiet",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                capture_output=True,
                text=True,
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            return "timed out"
        if result.returncode or not output.exists():
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            return f"failed: {last[:120]}"
        data = json.loads(output.read_text())
    if data.get("runtimeError"):
        return f"failed: {data['runtimeError'].get('code')}"
    scores = {key: data["categories"][key]["score"] for key in CATEGORIES}
    scores["benchmark"] = data["environment"]["benchmarkIndex"]
    return scores


def _lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    if not package.exists():
        return "(not installed)"
    return json.loads(package.read_text())["version"]


def _row(name: str, path: str, visits: list[dict], scores: dict | str) -> list[str]:
    lcps = [v["lcp"] for v in visits]
    if None in lcps:
        lcp, meets = "not measured", "?"
    else:
        lcp = f"{statistics.median(lcps):.0f} / {max(lcps):.0f}"
        if max(lcps) <= TARGET_MS:
            meets = "yes"
        elif statistics.median(lcps) <= TARGET_MS:
            meets = "median only"
        else:
            meets = "no"
    kib = statistics.median(v["bytes"] for v in visits) / 1024
    requests = statistics.median(v["requests"] for v in visits)
    if isinstance(scores, str):
        lighthouse = [scores, "", "", ""]
    else:
        lighthouse = [
            "n/a" if scores.get(key) is None else f"{scores[key] * 100:.0f}"
            for key in CATEGORIES
        ]
    return [
        f"{name} `{path}`",
        lcp,
        meets,
        f"{kib:.1f}",
        f"{requests:.0f}",
        *lighthouse,
    ]
