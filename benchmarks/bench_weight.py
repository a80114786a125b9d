"""What a visitor downloads: requests and bytes per page in Debian's chromium,
on a 360 px phone (2x screen) and a desktop, through a real HTTP server."""

import os
import shutil

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
PAGES = ["/es/", "/en/", "/es/conoce-tus-derechos/", "/es/seguridad-en-el-camino/"]
SCREENS = [
    ("phone 360x740 @2x", {"width": 360, "height": 740}, 2),
    ("desktop 1280x800", {"width": 1280, "height": 800}, 1),
]


class Responses(list):
    """Collects a page's responses (Playwright needs a plain function)."""

    def add(self, response):
        self.append(response)


def run(report):
    report.section("Page weight in a browser")
    if not shutil.which(CHROMIUM):
        report.paragraph(
            f"Skipped: {CHROMIUM} is not installed (make test installs it)."
        )
        return
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.conf import settings

    from playwright.sync_api import sync_playwright

    settings.SERVE_MEDIA = True
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    base = f"http://127.0.0.1:{server.port}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for label, viewport, scale in SCREENS:
            for path in PAGES:
                context = browser.new_context(
                    viewport=viewport, device_scale_factor=scale
                )
                page = context.new_page()
                responses = Responses()
                page.on("response", responses.add)
                page.goto(base + path, wait_until="networkidle")
                statuses = {r.status for r in responses}
                assert statuses <= {200, 304}, (path, statuses)
                total = sum(
                    r.request.sizes()["responseBodySize"]
                    + r.request.sizes()["responseHeadersSize"]
                    for r in responses
                )
                rows.append(
                    [f"`{path}`", label, str(len(responses)), f"{total / 1024:.1f}"]
                )
                context.close()
        browser.close()
    server.terminate()
    report.paragraph(
        "First visit, empty cache, every request counted (HTML, CSS, script, "
        "icon, images). The limit a test enforces is 150 KB for the home page."
    )
    report.table(["page", "screen", "requests", "transferred KiB"], rows)
