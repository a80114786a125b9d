"""Campaign pages (:mod:`campaigns.models.campaigns`): where editors create
them, what they show in Spanish and English (share links, JSON-LD and Open
Graph, the pledge), the rules checked when saved, preview, the sitemap, a
fixed number of queries, and translating a campaign, which leaves the
snippets it links to (themes, a volunteer opportunity) alone."""

import datetime
import json
import re
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import StringTranslation, Translation

import pytest

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ThemeFactory,
)
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignTarget, Theme
from convivir.factories import CustomImageFactory
from convivir.models import HomePage
from networks.factories import ProtectionNetworkFactory, VolunteerOpportunityFactory
from networks.models import VolunteerOpportunity
from tests.campaigns.conftest import campaign_form, make_campaign
from tests.utils import SpanishEditorPageTestCase, add_child, translate_page

pytestmark = pytest.mark.django_db


class TestPageTypes(SpanishEditorPageTestCase):
    """Editors create the campaign list under the home page and campaigns
    under it, with the admin's own forms, and preview a campaign."""

    def test_campaign_list_under_the_home_page_and_campaigns_under_it(self):
        self.assertCanCreateAt(HomePage, CampaignIndexPage)
        self.assertCanCreateAt(CampaignIndexPage, CampaignPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(CampaignPage, CampaignPage)
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())

    def test_an_editor_creates_the_campaign_list(self):
        self.assertCanCreate(
            self.home,
            CampaignIndexPage,
            nested_form_data(
                {
                    "title": "Campañas",
                    "slug": "campanas",
                    "intro": rich_text("<p>Para convivir.</p>"),
                }
            ),
        )
        page = CampaignIndexPage.objects.get(slug="campanas", live=True)
        self.assertPageIsRenderable(page)
        # (Wagtail's assertPageIsRoutable does not know language prefixes.)
        self.assertContains(self.client.get("/es/campanas/"), "<h1>Campañas</h1>")

    def test_an_editor_creates_a_campaign(self):
        index = add_child(self.home, CampaignIndexPageFactory.build())
        form = campaign_form(
            CustomImageFactory(),
            [("paragraph", rich_text("<p>Aquí cabemos todas.</p>"))],
            pledge_enabled="on",
            pledge_text="Me comprometo a tratar con respeto.",
        )
        # Check boxes: one value per ticked box.
        form["themes"] = [ThemeFactory(name="Escuela", slug="escuela").pk]
        self.assertCanCreate(index, CampaignPage, form)
        page = CampaignPage.objects.get(slug="nueva-campana", live=True)
        assert page.pledge_enabled and [t.slug for t in page.themes.all()] == [
            "escuela"
        ]
        self.assertPageIsRenderable(page)
        self.assertContains(self.client.get(page.url), "Aquí cabemos todas.")

    def test_campaign_pages_can_be_previewed(self):
        index = add_child(self.home, CampaignIndexPageFactory.build())
        page = make_campaign(index, slug="vista-previa")
        form = campaign_form(
            page.hero_image,
            [("paragraph", rich_text("<p>Borrador en revisión</p>"))],
            slug="vista-previa",
        )
        self.assertPageIsPreviewable(page, post_data=form)


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
    assert "Since 1 March 2026" in html
    assert "<li>School</li>" in html
    assert "Sign the pledge" in html
    assert "<strong>0</strong> people have signed" in html
    assert 'alt="Drawing of two hands greeting"' in html


def test_unpublished_campaigns_are_not_listed(client, campaign_index):
    make_campaign(campaign_index, title="Publicada")
    draft = make_campaign(campaign_index, title="Borrador")
    draft.unpublish()
    titles = _listing_titles(client.get("/es/campanas/").content.decode())
    assert titles == ["Publicada"]


def _listing_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


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
    # Five pages of the list (12 a page).
    _bulk_campaigns(campaign_index, 60, [school_theme], start=3)
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


@pytest.fixture
def opportunity(english):
    """A Spanish opportunity and its English translation, written by hand."""
    spanish = VolunteerOpportunityFactory(
        network=ProtectionNetworkFactory(slug="red-tapachula"),
        title="Acompañar a la clínica",
        description="Ir con las personas a sus citas médicas.",
    )
    translated = spanish.copy_for_translation(english)
    translated.title = "Clinic companion"
    translated.description = "Go with people to their medical appointments."
    translated.save()
    return spanish


def call_to_action(opportunity) -> str:
    return json.dumps(
        [
            {
                "type": "volunteer_cta",
                "value": {
                    "heading": "Súmate a la red",
                    "text": "Te necesitamos.",
                    "button_label": "Quiero ayudar",
                    "network": None,
                    "opportunity": opportunity.pk,
                },
            }
        ]
    )


def test_translating_a_campaign_keeps_its_snippets_english(
    admin_client, client, campaign_index, home_en, english, opportunity
):
    school = ThemeFactory(name="Escuela", slug="escuela")
    school_en = school.copy_for_translation(english)
    school_en.name = "School"
    school_en.save()
    translate_page(campaign_index, english, title="Campaigns", slug="campaigns")
    campaign = make_campaign(
        campaign_index,
        title="Aquí cabemos todas",
        slug="aqui-cabemos-todas",
        themes=[school],
        body=call_to_action(opportunity),
    )

    response = admin_client.post(
        f"/admin/localize/submit/page/{campaign.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302

    assert Theme.objects.get(locale=english, slug="escuela").name == "School"
    english_opportunity = VolunteerOpportunity.objects.get(locale=english)
    assert english_opportunity.title == "Clinic companion"
    assert english_opportunity.description == (
        "Go with people to their medical appointments."
    )

    translated = campaign.get_translation(english).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    html = client.get(translated.url).content.decode()
    assert "<li>School</li>" in html
    # The call to action leads to the English opportunity, preselected on
    # the English sign-up form.
    with translation.override("en"):
        signup = reverse("networks:signup")
    assert f'href="{signup}?oportunidad={english_opportunity.pk}"' in html


def test_the_call_to_action_texts_are_still_translated(
    admin_client, client, campaign_index, home_en, english, opportunity
):
    translate_page(campaign_index, english, title="Campaigns", slug="campaigns")
    campaign = make_campaign(
        campaign_index, slug="aqui-cabemos", body=call_to_action(opportunity)
    )
    admin_client.post(
        f"/admin/localize/submit/page/{campaign.pk}/", {"locales": [english.pk]}
    )
    job = Translation.objects.get(
        source__object_id=campaign.translation_key, target_locale=english
    )
    texts = {
        "Súmate a la red": "Join the network",
        "Te necesitamos.": "We need you.",
        "Quiero ayudar": "I want to help",
    }
    for segment in job.source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in texts:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=texts[segment.string.data],
            )
    job.save_target(publish=True)

    translated = campaign.get_translation(english).specific
    (block,) = translated.body
    assert block.value["heading"] == "Join the network"
    assert block.value["text"] == "We need you."
    assert block.value["button_label"] == "I want to help"
    assert block.value["opportunity"] == opportunity
    assert VolunteerOpportunity.objects.get(locale=english).title == (
        "Clinic companion"
    )
