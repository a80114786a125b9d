"""Campaigns: the public pages (list, filtered list, campaign with its
pledge, materials library, material page, feed), the pledge through the
form, and the campaign list with many campaigns."""

from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.common import PAGE_COLUMNS, REQUESTS, measure_page, page_row, timed
from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignTarget, Theme

PAGES = [
    ("Campaign list (es)", "/es/campanas/"),
    ("Campaign list, filtered (es)", "/es/campanas/?tema=convivencia&estado=chiapas"),
    ("Campaign list (en)", "/en/campaigns/"),
    ("Campaign with pledge (es)", "/es/campanas/aqui-cabemos-todas-y-todos/"),
    ("Campaign with pledge (en)", "/en/campaigns/aqui-cabemos-todas-y-todos/"),
    ("Materials library (es)", "/es/materiales-para-el-dialogo/"),
    (
        "Materials library, filtered (es)",
        "/es/materiales-para-el-dialogo/?publico=youth&duracion=short",
    ),
    (
        "Material page (en)",
        "/en/dialogue-materials/mapa-de-nuestras-migraciones/",
    ),
    ("Campaign feed, RSS (es)", "/es/campanas/feed/rss/"),
]
PLEDGES = 50
MANY = 300


def run(report):
    client = Client()
    report.section("Campaigns: public pages", f"{REQUESTS} requests per page.")
    report.table(
        PAGE_COLUMNS,
        [page_row(name, url, measure_page(client, url)) for name, url in PAGES],
    )
    _pledges(report)
    _many_campaigns(report)


def _pledges(report):
    """Pledges through the view: validation, one transaction, the
    confirmation e-mail rendered, stored and sent (locmem backend)."""
    campaign = CampaignPage.objects.get(
        slug="aqui-cabemos-todas-y-todos", locale__language_code="es"
    )
    client = Client()
    counter = iter(range(10**6))

    def sign():
        n = next(counter)
        response = client.post(
            f"/es/campanas/{campaign.pk}/compromiso/",
            {
                "name": f"Persona {n}",
                "email": f"bench{n}@correo.example",
                "municipality": "Tapachula",
                "consent": "on",
            },
        )
        assert response.status_code == 302, response.status_code

    with override_settings(RATELIMIT_ENABLED=False):
        sign()
        with CaptureQueriesContext(connection) as queries:
            sign()
        query_count = len(queries)
        timing = timed(sign, PLEDGES)
    report.section(
        "Campaign pledge",
        f"{PLEDGES} pledges through the form (validation, one transaction, the "
        "confirmation e-mail rendered in two formats and stored).",
    )
    report.table(
        ["action", "SQL queries", "p50 ms", "p95 ms"],
        [
            [
                "POST pledge",
                str(query_count),
                f"{timing['p50']:.1f}",
                f"{timing['p95']:.1f}",
            ]
        ],
    )


def _many_campaigns(report):
    """The list with hundreds of campaigns: the same queries, paged."""
    index = CampaignIndexPage.objects.get(locale__language_code="es")
    theme = Theme.objects.get(slug="convivencia", locale__language_code="es")
    image = CampaignPage.objects.filter(locale__language_code="es").first().hero_image
    with transaction.atomic():
        for n in range(MANY):
            page = CampaignPageFactory.build(
                title=f"Campaña de prueba {n}",
                slug=f"bench-{n}",
                hero_image=image,
                live=True,
                first_published_at=timezone.now(),
            )
            index.add_child(instance=page)
            page.themes.set([theme])
            CampaignTarget.objects.create(page=page, state="chiapas")
    client = Client()
    rows = []
    for name, url in [
        (f"List with {MANY + 3} campaigns", "/es/campanas/"),
        ("Same, filtered, page 10", "/es/campanas/?tema=convivencia&page=10"),
    ]:
        rows.append(page_row(name, url, measure_page(client, url, repeat=50)))
    report.section("Campaign list at scale")
    report.table(PAGE_COLUMNS, rows)
