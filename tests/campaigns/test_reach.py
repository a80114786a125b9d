"""Reach and sharing: the feeds per language, the sitemap's entries with
their hreflang alternates, and the home page's campaigns section."""

import datetime
from xml.etree import ElementTree

import pytest

from campaigns.factories import ThemeFactory
from tests.campaigns.conftest import address, make_campaign
from tests.utils import translate_page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_spanish_campaigns(client, campaign):
    response = client.get(address("campaigns:feed_rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Campañas de Convivir"
    assert channel.findtext("language") == "es"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Aquí cabemos todas"
    assert item.findtext("description") == campaign.summary
    assert item.findtext("link").endswith("/es/campanas/aqui-cabemos-todas/")
    assert [c.text for c in item.findall("category")] == ["Escuela"]
    assert item.findtext("pubDate")


def test_atom_feed_in_english_lists_english_campaigns(
    client, campaign, english, home_en
):
    ThemeFactory(name="School", slug="escuela", locale=english)
    translate_page(campaign.get_parent(), english, title="Campaigns", slug="campaigns")
    translate_page(campaign, english, title="Room for all", slug="room-for-all")
    response = client.get(address("campaigns:feed_atom", language="en"))
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "Convivir campaigns"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Room for all"
    assert entry.find(f"{ATOM}link").get("href").endswith("/en/campaigns/room-for-all/")
    assert entry.findtext(f"{ATOM}updated")


@pytest.mark.parametrize(("language", "expected"), [("es", "/es/"), ("en", "/en/")])
def test_a_feed_without_a_campaign_list_links_the_home_page_in_its_language(
    client, home, language, expected
):
    response = client.get(address("campaigns:feed_rss", language=language))
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("link") == f"http://testserver{expected}"


def test_sitemap_lists_campaigns_in_both_languages_with_alternates(
    client, campaign, english, home_en, site
):
    translate_page(campaign.get_parent(), english, title="Campaigns", slug="campaigns")
    translate_page(campaign, english, title="Room for all", slug="room-for-all")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    entries = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    spanish = next(
        loc for loc in entries if loc.endswith("/es/campanas/aqui-cabemos-todas/")
    )
    english_loc = next(
        loc for loc in entries if loc.endswith("/en/campaigns/room-for-all/")
    )
    assert entries[spanish] == {"es": spanish, "en": english_loc}
    assert entries[english_loc] == entries[spanish]


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
