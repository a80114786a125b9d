"""Volunteer opportunities (:mod:`networks.models.opportunities`): closed in
Spanish means closed in every language, and one at a confidential place
("Spanish classes at the shelter") shows its network's town alone, in every
language: the place the editor wrote is never shown, and a translation
follows the source's flag."""

from wagtail.test.utils import WagtailPageTestCase  # noqa: F401 - documents the API used

import pytest

from networks.factories import (
    ProtectionNetworkPageFactory,
    VolunteerOpportunityFactory,
)
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db


def test_closing_an_opportunity_in_spanish_closes_its_translations(
    client, volunteer_page, network_a, english
):
    spanish = VolunteerOpportunityFactory(network=network_a, title="Cocina")
    translated = spanish.copy_for_translation(english)
    translated.title = "Kitchen"
    translated.save()
    translate_page(volunteer_page, english, title="Take part", slug="take-part")
    assert "Kitchen" in client.get("/en/take-part/").content.decode()
    spanish.is_active = False
    spanish.save()
    assert "Kitchen" not in client.get("/en/take-part/").content.decode()


SECRET_PLACE = "Casa Azul, Callejón del Olvido 12"


@pytest.fixture
def hidden_opportunity(network_a, english):
    opportunity = VolunteerOpportunityFactory(
        network=network_a,
        title="Clases de español en el albergue",
        place=SECRET_PLACE,
        is_confidential=True,
    )
    opportunity.copy_for_translation(english).save()
    return opportunity


def test_the_public_place_is_the_networks_town_alone(hidden_opportunity):
    assert hidden_opportunity.public_place() == {
        "confidential": True,
        "municipality": "Tapachula",
        "state": "chiapas",
        "state_name": "Chiapas",
    }


def test_pages_in_both_languages_never_show_the_place(
    client, volunteer_page, network_a, hidden_opportunity, home_en
):
    add_child(
        volunteer_page,
        ProtectionNetworkPageFactory.build(
            title="Red Tapachula", slug="red-tapachula", network=network_a
        ),
    )
    for url in ("/es/participa/", "/es/participa/red-tapachula/"):
        html = client.get(url).content.decode()
        assert "Clases de español en el albergue" in html, url
        assert SECRET_PLACE not in html, url
        assert "Lugar confidencial en Tapachula" in html, url


def test_turning_it_off_in_spanish_never_leaves_a_translation_behind(
    hidden_opportunity, english
):
    translation = hidden_opportunity.get_translation(english)
    hidden_opportunity.is_confidential = False
    hidden_opportunity.save()
    translation.refresh_from_db()
    assert not translation.is_confidential
    hidden_opportunity.is_confidential = True
    hidden_opportunity.save()
    translation.refresh_from_db()
    assert translation.is_confidential
