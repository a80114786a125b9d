"""Campaign pages: where they may be created, what they show in Spanish and
English, the list's filters, and a fixed number of queries per listing."""

import datetime
import json
import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

import pytest

from campaigns.factories import CampaignPageFactory, ThemeFactory
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignTarget
from convivir.factories import CustomImageFactory
from convivir.models import HomePage
from tests.campaigns.conftest import make_campaign
from tests.utils import translate_page

pytestmark = pytest.mark.django_db


class TestPageTypeRules(WagtailPageTestCase):
    def test_campaign_list_under_the_home_page_and_campaigns_under_it(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertCanNotCreateAt(HomePage, CampaignPage)


def test_campaign_page_shows_hero_period_themes_places_and_pledge(client, campaign):
    CampaignTarget.objects.create(
        page=campaign, state="oaxaca", municipality="Ciudad Ixtepec", sort_order=1
    )
    campaign.end_date = datetime.date(2026, 6, 30)
    campaign.save_revision().publish()
    html = client.get("/es/campanas/aqui-cabemos-todas/").content.decode()
    assert "<h1>Aquí cabemos todas</h1>" in html
    assert 'alt="Dibujo de dos manos que se saludan"' in html
    assert "Del 1 de marzo de 2026 al 30 de junio de 2026" in html
    assert "Chiapas; Ciudad Ixtepec, Oaxaca" in html
    assert "<li>Escuela</li>" in html
    assert "Me comprometo a tratar con respeto" in html
    assert "<strong>0</strong> personas han firmado" in html
    assert 'action="/es/campanas/' in html and "/compromiso/" in html


def test_share_links_are_plain_addresses_whatsapp_first(client, campaign):
    html = client.get("/es/campanas/aqui-cabemos-todas/").content.decode()
    links = re.findall(r'class="button button--secondary" href="([^"]+)"', html)
    hosts = [re.match(r"(https://[^/?]+|mailto:)", link).group(1) for link in links]
    assert hosts == [
        "https://wa.me",
        "https://www.facebook.com",
        "https://x.com",
        "https://t.me",
        "mailto:",
    ]
    assert "aqui-cabemos-todas" in links[0]
    assert 'readonly value="http' in html
    # No share scripts: the only script is the site's own.
    assert re.findall(r"<script src=\"([^\"]+)\"", html) == ["/static/js/convivir.js"]


def test_campaign_page_in_english(client, campaign, school_theme, english, home_en):
    ThemeFactory(name="School", slug="escuela", locale=english)
    translate_page(campaign.get_parent(), english, title="Campaigns", slug="campaigns")
    translate_page(
        campaign,
        english,
        title="There is room for all of us",
        slug="room-for-all",
        summary="Meeting newcomers changes how we see them.",
        hero_alt="Drawing of two hands greeting",
        pledge_text="I pledge to treat people in transit with respect.",
    )
    html = client.get("/en/campaigns/room-for-all/").content.decode()
    assert "<h1>There is room for all of us</h1>" in html
    assert "Since March 1, 2026" in html
    assert "<li>School</li>" in html
    assert "Sign the pledge" in html
    assert "<strong>0</strong> people have signed" in html
    assert 'alt="Drawing of two hands greeting"' in html


def test_body_blocks_render(client, campaign_index):
    page = make_campaign(
        campaign_index,
        slug="con-cuerpo",
        body=[
            (
                "key_fact",
                {
                    "figure": "7 de cada 10",
                    "text": "personas dicen haber sufrido discriminación.",
                    "source": "Encuesta regional 2024",
                    "source_url": "",
                },
            ),
            (
                "testimony",
                {
                    "quote": "Me recibieron como a una vecina más.",
                    "name": "Marisol Hernández López",
                    "first_name_only": True,
                    "place": "Tenosique",
                    "consent_given": True,
                },
            ),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "7 de cada 10" in html and "Fuente: Encuesta regional 2024" in html
    assert "— Marisol, Tenosique" in html
    assert "Hernández" not in html


def _listing_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_list_is_newest_first_and_each_filter_narrows(
    client, campaign_index, school_theme, work_theme
):
    make_campaign(
        campaign_index,
        title="Vieja",
        start_date=datetime.date(2025, 1, 1),
        themes=[school_theme],
        states=["chiapas"],
    )
    make_campaign(
        campaign_index,
        title="Nueva",
        start_date=datetime.date(2026, 5, 1),
        themes=[work_theme],
        states=["oaxaca", "tabasco"],
    )
    make_campaign(
        campaign_index,
        title="Media",
        start_date=datetime.date(2025, 9, 1),
        themes=[school_theme, work_theme],
        states=["tabasco"],
    )
    url = "/es/campanas/"
    html = client.get(url).content.decode()
    assert _listing_titles(html) == ["Nueva", "Media", "Vieja"]
    assert "3 campañas" in html

    html = client.get(url, {"tema": "escuela"}).content.decode()
    assert _listing_titles(html) == ["Media", "Vieja"]
    assert 'value="escuela" id="tema-escuela" checked' in html

    html = client.get(url, {"estado": "tabasco"}).content.decode()
    assert _listing_titles(html) == ["Nueva", "Media"]
    # Theme counts follow the chosen state.
    assert 'Escuela <span class="muted">(1)</span>' in html
    assert 'Trabajo <span class="muted">(2)</span>' in html

    html = client.get(url, {"tema": "escuela", "estado": "tabasco"}).content.decode()
    assert _listing_titles(html) == ["Media"]

    html = client.get(url, {"tema": ["escuela", "trabajo"]}).content.decode()
    assert _listing_titles(html) == ["Nueva", "Media", "Vieja"]

    html = client.get(url, {"estado": "chiapas", "tema": "trabajo"}).content.decode()
    assert _listing_titles(html) == []
    assert "Ninguna campaña coincide con estos filtros" in html


@pytest.mark.parametrize(
    "query",
    [
        {"tema": "<script>"},
        {"estado": "yucatan"},
        {"page": "zz"},
        {"page": "9999"},
        {"tema": "x" * 5000},
        {"estado": ["chiapas", "\x00"]},
    ],
)
def test_invalid_filter_values_are_ignored(client, campaign, query):
    response = client.get("/es/campanas/", query)
    assert response.status_code == 200
    assert "Aquí cabemos todas" in response.content.decode()


def test_unpublished_campaigns_are_not_listed(client, campaign_index):
    make_campaign(campaign_index, title="Publicada")
    draft = make_campaign(campaign_index, title="Borrador")
    draft.unpublish()
    titles = _listing_titles(client.get("/es/campanas/").content.decode())
    assert titles == ["Publicada"]


def test_list_paginates_keeping_filters(client, campaign_index, school_theme, settings):
    settings.CAMPAIGNS_PER_PAGE = 2
    for n in range(3):
        make_campaign(campaign_index, title=f"C{n}", themes=[school_theme])
    html = client.get("/es/campanas/", {"tema": "escuela"}).content.decode()
    assert len(_listing_titles(html)) == 2
    assert 'href="?tema=escuela&amp;page=2"' in html
    html = client.get("/es/campanas/", {"tema": "escuela", "page": 2}).content.decode()
    assert len(_listing_titles(html)) == 1


def _bulk_campaigns(index, count, themes, start=0):
    """``count`` live campaigns, added without revisions (fast)."""
    for n in range(start, start + count):
        page = CampaignPageFactory.build(
            title=f"Campaña {n}",
            slug=f"bulk-{n}",
            live=True,
            first_published_at=timezone.now(),
        )
        index.add_child(instance=page)
        page.themes.set(themes)
        CampaignTarget.objects.create(page=page, state="chiapas")


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/es/campanas/", "/es/campanas/?tema=escuela"])
def test_list_queries_do_not_grow_with_campaigns(
    client, campaign_index, school_theme, url
):
    _bulk_campaigns(campaign_index, 3, [school_theme])
    client.get(url)  # renditions are created on the first view
    few = _queries(client, url)
    _bulk_campaigns(campaign_index, 300, [school_theme], start=3)
    for page in CampaignPage.objects.all()[:12]:
        page.hero_image.get_rendition("fill-360x203|format-webp")
    client.get(url)
    many = _queries(client, url)
    assert many == few
    assert few <= 25


def test_the_campaign_list_links_the_library_in_its_language(
    client, campaign_index, library
):
    html = client.get(campaign_index.url).content.decode()
    assert f'href="{library.url}"' in html
    assert "Materiales para el diálogo: guías y fichas de actividades" in html


def test_campaign_page_queries_are_bounded(
    client, campaign, campaign_index, django_assert_max_num_queries
):
    related = make_campaign(campaign_index, title="Otra", slug="otra")
    campaign.related_campaigns = [("campaign", related)]
    campaign.save_revision().publish()
    client.get(campaign.url)
    with django_assert_max_num_queries(30):
        client.get(campaign.url)


def test_json_ld_and_open_graph(client, campaign):
    campaign.hero_image = CustomImageFactory(file__width=1600, file__height=1000)
    campaign.save_revision().publish()
    html = client.get("/es/campanas/aqui-cabemos-todas/").content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert data["@type"] == "Article"
    assert data["headline"] == "Aquí cabemos todas"
    assert data["inLanguage"] == "es"
    assert data["about"] == ["Escuela"]
    assert data["url"].endswith("/es/campanas/aqui-cabemos-todas/")
    assert data["image"].endswith(".jpg")
    og = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
    assert og["og:title"] == "Aquí cabemos todas"
    assert og["og:image:width"] == "1200" and og["og:image:height"] == "630"
    assert og["og:image"].startswith("https://convivir.example.org/")
    assert 'name="twitter:card" content="summary_large_image"' in html


def test_campaign_rules_are_checked_when_saved(campaign):
    campaign.end_date = datetime.date(2020, 1, 1)
    campaign.pledge_text = " "
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert {"end_date", "pledge_text"} <= set(error.value.message_dict)


def test_json_ld_cannot_close_its_script(client, campaign):
    campaign.title = "</script><script>alert(1)</script>"
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    block = re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert" not in html
