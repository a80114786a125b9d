"""Every public page says its canonical address and what a shared link to it
shows (Open Graph, Twitter card), with absolute addresses, in both
languages; a page's own image is shared cropped, others share the site's;
a confidential shelter's tags say nothing of where it is."""

from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.test import RequestFactory

import pytest
from PIL import Image

from campaigns.models import CampaignPage
from convivir.models import HomePage
from convivir.share import DEFAULT_IMAGE, canonical_path
from directory.models import Location
from events.models import EventPage
from tests.convivir.public_pages import confidential_service, public_urls, render_all

pytestmark = pytest.mark.django_db

ROOT = settings.BASE_URL
# Each of these is said exactly once in every page's head.
ONCE = (
    "og:type",
    "og:site_name",
    "og:title",
    "og:description",
    "og:url",
    "og:locale",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
    "twitter:card",
)


class Head(HTMLParser):
    """The canonical links and the meta tags (name or property: content
    values) of a page's head."""

    def __init__(self, html: str):
        super().__init__()
        self.canonical: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.feed(html.split("</head>", 1)[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href", ""))
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content", ""))

    def one(self, key: str) -> str:
        (value,) = self.meta.get(key, [None])
        return value


def test_every_public_page_shares_itself(demo_site, client):
    checked = set()
    for page in render_all(client):
        head = Head(page.html)
        where = f"{page.language} {page.name} {page.url}"
        assert len(head.canonical) == 1, where
        (canonical,) = head.canonical
        assert canonical.startswith(ROOT + f"/{page.language}/"), where
        for key in ONCE:
            assert len(head.meta.get(key, [])) == 1, (where, key)
            assert head.one(key), (where, key)
        assert head.one("og:url") == canonical, where
        assert head.one("og:image").startswith(ROOT + "/"), where
        locale = {"es": "es_MX", "en": "en_US"}[page.language]
        assert head.one("og:locale") == locale, where
        assert head.one("og:site_name") == "Convivir"
        assert head.one("twitter:card") == "summary_large_image"
        assert head.one("og:description") == head.one("description"), where
        query = canonical.partition("?")[2]
        assert not query or query.startswith("page="), where
        checked.add(page.name)
    assert {"homepage", "campaignpage", "service", "my-data", "not-found"} <= checked


def test_listings_personal_links_and_translations(demo_site, client):
    def head(url):
        return Head(client.get(url).getvalue().decode())

    # A searched or filtered listing names the unfiltered one; its pages
    # keep their number.
    assert head("/es/buscar-ayuda/?q=albergue").canonical == [
        ROOT + "/es/buscar-ayuda/"
    ]
    assert head("/en/find-help/?page=2&utm_source=x").canonical == [
        ROOT + "/en/find-help/?page=2"
    ]
    assert head("/en/search/?q=health").canonical == [ROOT + "/en/search/"]
    # A personal link's token is never repeated.
    assert head(public_urls("en")["my-data"]).canonical == [ROOT + "/en/"]
    # The other language, where the page is translated.
    assert head("/es/").one("og:locale:alternate") == "en_US"
    assert head("/en/").one("og:locale:alternate") == "es_MX"


def test_pages_with_an_image_share_its_rendition(demo_site, client):
    campaign = CampaignPage.objects.live().filter(hero_image__isnull=False).first()
    event = EventPage.objects.live().filter(image__isnull=False).first()
    home = HomePage.objects.live().filter(hero_image__isnull=False).first()
    for page in (campaign, event, home):
        rendition = page.share_image()
        assert (rendition.width, rendition.height) == (1200, 630)
        head = Head(client.get(page.url).getvalue().decode())
        assert head.one("og:image") == ROOT + rendition.url, page.url
        assert head.one("og:image:width") == "1200", page.url
        assert head.one("og:image:alt") == page.share_image_alt, page.url
    assert (
        Head(client.get(campaign.url).getvalue().decode()).one("og:type") == "article"
    )


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/es/campanas/", "/es/campanas/"),
        ("/es/campanas/?page=3", "/es/campanas/?page=3"),
        ("/es/campanas/?page=1", "/es/campanas/"),
        ("/es/campanas/?page=2&utm_source=boletin&fbclid=x", "/es/campanas/?page=2"),
        ("/es/campanas/?tema=escuela&page=2", "/es/campanas/"),
        ("/es/campanas/?page=dos", "/es/campanas/"),
        ("/es/campanas/?page=2&page=3", "/es/campanas/"),
        # Digits that are not ASCII are no page number.
        ("/es/campanas/?page=%C2%B2", "/es/campanas/"),
        ("/es/campanas/?page=%D9%A3", "/es/campanas/"),
        ("/es/buscar-ayuda/verificar/?t=abc:def", "/es/buscar-ayuda/verificar/"),
    ],
)
def test_canonical_address(address, canonical):
    assert canonical_path(RequestFactory().get(address)) == canonical


def test_a_page_without_an_image_shares_the_sites(client, home, site):
    head = Head(client.get("/es/").getvalue().decode())
    assert head.one("og:image") == ROOT + settings.STATIC_URL + DEFAULT_IMAGE
    assert head.one("og:image:alt")
    path = Path(settings.BASE_DIR, "site", "static", DEFAULT_IMAGE)
    with Image.open(path) as image:
        assert image.size == (1200, 630)


def test_a_confidential_shelter_shares_nothing_beyond_its_town(demo_site, client):
    service = confidential_service()
    location = Location.objects.get(
        is_confidential=True, service_at_locations__service=service
    )
    # What the page itself says (its name) is not the location's secret.
    public = {service.name, service.organization.name}
    private = [
        value
        for value in (
            location.name,
            location.address_1,
            location.address_2,
            location.postal_code,
            location.description,
            location.transportation,
            location.accessibility,
            f"{location.latitude:.3f}" if location.latitude is not None else "",
            f"{location.longitude:.3f}" if location.longitude is not None else "",
        )
        if value and value not in public
    ]
    assert private  # the demo records where it is, never shown
    for language in ("es", "en"):
        url = public_urls(language)["service-confidential"]
        html = client.get(url).getvalue().decode()
        head = Head(html)
        shared = " ".join(
            [*head.canonical, *(v for vs in head.meta.values() for v in vs)]
        )
        assert not [value for value in private if value in shared], url
        assert not [value for value in private if value in html.split("</head>")[0]]
        assert head.one("og:url") == ROOT + url
        assert head.one("og:image") == ROOT + settings.STATIC_URL + DEFAULT_IMAGE
