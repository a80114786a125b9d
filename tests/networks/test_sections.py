"""The home page's call to volunteer (:mod:`networks.sections`)."""

from wagtail.test.utils import WagtailPageTestCase  # noqa: F401 - documents the API used

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_call_to_volunteer(client, volunteer_page, network_a):
    html = client.get("/es/").content.decode()
    assert "Súmate a una red de protección" in html
    assert 'class="button" href="/es/participa/">Quiero ser voluntaria/o</a>' in html
    assert "1 red busca personas voluntarias" in html


def test_home_page_has_no_call_without_a_volunteering_page(client, home):
    assert "Súmate a una red de protección" not in client.get("/es/").content.decode()


def test_the_kept_call_follows_the_networks(client, volunteer_page, network_a):
    assert "1 red busca personas voluntarias" in client.get("/es/").content.decode()
    network_a.is_active = False
    network_a.save()
    assert "1 red busca" not in client.get("/es/").content.decode()
