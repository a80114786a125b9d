"""The home page's campaigns section (:mod:`campaigns.sections`)."""

import datetime

import pytest

from tests.campaigns.conftest import make_campaign

pytestmark = pytest.mark.django_db


def test_home_shows_featured_and_latest_campaigns(client, campaign_index, home):
    make_campaign(
        campaign_index,
        title="Destacada",
        is_featured=True,
        start_date=datetime.date(2025, 1, 1),
    )
    for n in range(4):
        make_campaign(
            campaign_index,
            title=f"Reciente {n}",
            start_date=datetime.date(2026, 1, n + 1),
        )
    html = client.get("/es/").content.decode()
    assert '<h2 id="campaigns-heading">Campañas</h2>' in html
    featured = html.index("Destacada")
    assert html.index("Reciente 3") > featured
    assert "Reciente 0" not in html
    assert 'href="/es/campanas/">Todas las campañas' in html


def test_home_has_no_campaigns_section_without_campaigns(client, home):
    assert 'id="campaigns-heading"' not in client.get("/es/").content.decode()
