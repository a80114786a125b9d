"""The core pages: home, content pages and the 404 page."""

from django.test import Client

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row

PAGES = [
    ("Home (es)", "/es/"),
    ("Home (en)", "/en/"),
    ("Content page with ToC and FAQ (es)", "/es/conoce-tus-derechos/"),
    ("Content page (en)", "/en/know-your-rights/right-to-health-care/"),
    ("Not found (es)", "/es/no-existe/"),
]


def run(report):
    client = Client()
    report.section("Core pages", f"{REQUESTS} requests per page.")
    report.table(
        PAGE_COLUMNS,
        [page_row(name, url, measure_page(client, url)) for name, url in PAGES],
    )
