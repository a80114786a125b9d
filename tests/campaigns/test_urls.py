"""The public addresses of the pledge and the feeds, in the visitor's
language: Spanish under /es/, English under /en/; the Spanish ones under
/en/ (from before the addresses were translated) move there permanently."""

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from campaigns.models import Pledge
from tests.utils import token_in, translate_page

pytestmark = pytest.mark.django_db


def url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def english_campaign(campaign, english, home_en):
    translate_page(campaign.get_parent(), english, title="Campaigns", slug="campaigns")
    return translate_page(campaign, english, title="Room for all", slug="room-for-all")


def test_each_address_reads_in_its_language():
    assert url("campaigns:pledge", "es", 7) == "/es/campanas/7/compromiso/"
    assert url("campaigns:pledge", "en", 7) == "/en/campaigns/7/pledge/"
    assert url("campaigns:pledge_sent", "es", 7) == (
        "/es/campanas/7/compromiso/revisa-tu-correo/"
    )
    assert url("campaigns:pledge_sent", "en", 7) == (
        "/en/campaigns/7/pledge/check-your-email/"
    )
    assert url("campaigns:confirm_pledge", "es", "abc") == (
        "/es/campanas/compromiso/confirmar/abc/"
    )
    assert url("campaigns:confirm_pledge", "en", "abc") == (
        "/en/campaigns/pledge/confirm/abc/"
    )
    assert url("campaigns:feed_rss", "es") == "/es/campanas/feed/rss/"
    assert url("campaigns:feed_rss", "en") == "/en/campaigns/feed/rss/"
    assert url("campaigns:feed_atom", "es") == "/es/campanas/feed/atom/"
    assert url("campaigns:feed_atom", "en") == "/en/campaigns/feed/atom/"


def test_the_english_feed_answers_at_its_english_address(client, english_campaign):
    response = client.get("/en/campaigns/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    html = response.content.decode()
    assert "<title>Convivir campaigns</title>" in html
    assert "<language>en</language>" in html
    assert "<title>Room for all</title>" in html
    assert "/en/campaigns/room-for-all/" in html
    assert "Aquí cabemos todas" not in html
    assert client.get("/en/campaigns/feed/atom/").status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/en/campanas/feed/rss/", "/en/campaigns/feed/rss/"),
        ("/en/campanas/feed/atom/", "/en/campaigns/feed/atom/"),
        ("/en/campanas/7/compromiso/", "/en/campaigns/7/pledge/"),
        (
            "/en/campanas/7/compromiso/revisa-tu-correo/",
            "/en/campaigns/7/pledge/check-your-email/",
        ),
        (
            "/en/campanas/compromiso/confirmar/abc/",
            "/en/campaigns/pledge/confirm/abc/",
        ),
    ],
)
def test_a_spanish_address_under_en_moves_permanently_with_its_query(client, old, new):
    response = client.get(old, {"utm": "x"})
    assert response.status_code == 301
    assert response["Location"] == f"{new}?utm=x"


def test_the_spanish_addresses_keep_working(client, campaign):
    assert client.get("/es/campanas/feed/rss/").status_code == 200
    assert client.get(f"/es/campanas/{campaign.pk}/compromiso/").status_code == 200


def test_the_english_pages_link_their_english_addresses(client, english_campaign):
    html = client.get("/en/campaigns/room-for-all/").content.decode()
    assert f'action="/en/campaigns/{english_campaign.pk}/pledge/"' in html
    assert 'href="/en/campaigns/feed/rss/"' in html
    html = client.get("/en/campaigns/").content.decode()
    assert 'href="/en/campaigns/feed/rss/"' in html
    assert 'href="/en/campaigns/feed/atom/"' in html


def test_an_english_pledge_is_confirmed_at_english_addresses(
    client, english_campaign, pledge_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("campaigns:pledge", "en", english_campaign.pk), pledge_data
        )
    assert response["Location"] == (
        f"/en/campaigns/{english_campaign.pk}/pledge/check-your-email/"
    )
    (message,) = mail.outbox
    token = token_in(message.body, "/en/campaigns/pledge/confirm/")
    assert Pledge.from_confirmation_token(token) == Pledge.objects.get()
