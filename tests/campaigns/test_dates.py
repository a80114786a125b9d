"""A campaign's period reads the same on its page, on its card in the list
and on the cards of related campaigns (on campaign and material pages), in
Spanish and in English: "1 de marzo de 2026", "1 March 2026"."""

import datetime

import pytest

from campaigns.factories import DialogueMaterialPageFactory
from tests.campaigns.conftest import make_campaign
from tests.utils import add_child, page_text, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(campaign_index, library, english, home_en):
    """A campaign related to another, and a material related to it, each
    in both languages."""
    work = make_campaign(
        campaign_index,
        title="Trabajo digno",
        slug="trabajo-digno",
        summary="Empleo justo para todas las personas.",
        end_date=datetime.date(2026, 12, 1),
    )
    room = make_campaign(
        campaign_index,
        title="Aquí cabemos",
        slug="aqui-cabemos",
        related_campaigns=[("campaign", work)],
    )
    material = add_child(
        library,
        DialogueMaterialPageFactory.build(
            title="La mesa compartida",
            slug="la-mesa",
            related_campaigns=[("campaign", work)],
        ),
    )
    translate_page(campaign_index, english, title="Campaigns", slug="campaigns")
    translate_page(library, english, title="Materials", slug="materials")
    translate_page(
        work,
        english,
        title="Decent work",
        slug="decent-work",
        summary="Fair jobs for everyone.",
    )
    translate_page(room, english, title="Room for all", slug="room-for-all")
    translate_page(material, english, title="The shared table", slug="the-table")
    return work


def test_a_campaigns_period_reads_the_same_everywhere(client, pages):
    spanish = page_text(client.get("/es/campanas/trabajo-digno/"))
    assert "Del 1 de marzo de 2026 al 1 de diciembre de 2026" in spanish
    cards = page_text(client.get("/es/campanas/"))
    assert "1 de marzo de 2026 a 1 de diciembre de 2026" in cards
    english = page_text(client.get("/en/campaigns/decent-work/"))
    assert "From 1 March 2026 to 1 December 2026" in english
    cards = page_text(client.get("/en/campaigns/"))
    assert "1 March 2026 to 1 December 2026" in cards


@pytest.mark.parametrize(
    "url,expected",
    [
        (
            "/es/campanas/aqui-cabemos/",
            "Campañas relacionadas Trabajo digno Empleo justo para todas las "
            "personas. 1 de marzo de 2026 a 1 de diciembre de 2026",
        ),
        (
            "/es/materiales/la-mesa/",
            "Campañas relacionadas Trabajo digno Empleo justo para todas las "
            "personas. 1 de marzo de 2026 a 1 de diciembre de 2026",
        ),
        (
            "/en/campaigns/room-for-all/",
            "Related campaigns Decent work Fair jobs for everyone. "
            "1 March 2026 to 1 December 2026",
        ),
        (
            "/en/materials/the-table/",
            "Related campaigns Decent work Fair jobs for everyone. "
            "1 March 2026 to 1 December 2026",
        ),
    ],
)
def test_the_related_campaign_card_shows_its_summary_and_period(
    client, pages, url, expected
):
    assert expected in page_text(client.get(url))
