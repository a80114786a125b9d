"""The feeds of the latest campaigns (:mod:`campaigns.feeds`), one per
language."""

from xml.etree import ElementTree

import pytest

from campaigns.factories import ThemeFactory
from tests.campaigns.conftest import address
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
