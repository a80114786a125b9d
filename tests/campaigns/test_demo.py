"""The campaigns demo: three campaigns and six materials in both languages,
one campaign with a pledge, and the menu link."""

import re

import pytest

from campaigns.models import CampaignPage, DialogueMaterialPage, Pledge
from convivir.models import MainMenu

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site):
    """The demo site, built once for the run (see tests/conftest.py)."""
    return demo_site


def test_demo_campaigns_materials_pledge_and_menu(demo, client):
    """One test: the demo takes a while to load."""
    _campaigns_and_materials_in_both_languages(client)
    _campaign_with_a_pledge_and_downloads(client)
    _menu_link()


def _campaigns_and_materials_in_both_languages(client):
    for language, count in (("es", 3), ("en", 3)):
        assert (
            CampaignPage.objects.live().filter(locale__language_code=language).count()
            == count
        )
    for language in ("es", "en"):
        assert (
            DialogueMaterialPage.objects.live()
            .filter(locale__language_code=language)
            .count()
            == 6
        )
    spanish = client.get("/es/campanas/").content.decode()
    assert "3 campañas" in spanish and "Aquí cabemos todas y todos" in spanish
    english = client.get("/en/campaigns/").content.decode()
    assert "3 campaigns" in english and "There is room for all of us" in english
    library = client.get("/en/dialogue-materials/").content.decode()
    assert "6 materials" in library and "Map of our migrations" in library


def _campaign_with_a_pledge_and_downloads(client):
    (with_pledge,) = CampaignPage.objects.filter(
        locale__language_code="es", pledge_enabled=True
    )
    assert Pledge.objects.confirmed().filter(campaign=with_pledge).count() == 5
    html = client.get(with_pledge.url).content.decode()
    assert "<strong>5</strong> personas han firmado" in html
    assert re.search(r"\(Cartel, PDF, [0-9,.]+\s(bytes|KB)\)", html)
    material = client.get(
        "/es/materiales-para-el-dialogo/mapa-de-nuestras-migraciones/"
    ).content.decode()
    assert "60 minutos en total." in material and "PDF" in material


def _menu_link():
    menu = MainMenu.objects.get(locale__language_code="es")
    item = menu.items.get(label="Campañas")
    assert item.sort_order == 4
    english = MainMenu.objects.get(locale__language_code="en")
    assert english.items.filter(label="Campaigns").exists()
