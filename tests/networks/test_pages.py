"""Public pages: the volunteering page with its filters, network pages, the
home page's call to volunteer, the call-to-action block; each in both
languages and at a fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase  # noqa: F401 - documents the API used

import pytest

from convivir.models import HomePage
from directory.factories import DirectoryIndexPageFactory, OrganizationFactory
from networks.blocks import VolunteerCallToActionBlock
from networks.factories import (
    MemberOrganisationFactory,
    ProtectionNetworkFactory,
    ProtectionNetworkPageFactory,
    VolunteerOpportunityFactory,
)
from networks.models import ProtectionNetworkPage, VolunteerIndexPage
from tests.networks.conftest import address
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db


def test_volunteering_page_lists_opportunities_and_networks(
    client, volunteer_page, network_a, opportunity_a
):
    add_child(
        volunteer_page,
        ProtectionNetworkPageFactory.build(
            title="Red Tapachula", slug="red-tapachula", network=network_a
        ),
    )
    html = client.get("/es/participa/").content.decode()
    assert "<h1>Participa</h1>" in html
    assert "Clases de español en el albergue" in html
    assert (
        f'href="/es/voluntariado/inscripcion/?oportunidad={opportunity_a.pk}"' in html
    )
    assert 'href="/es/participa/red-tapachula/"' in html
    assert "1 oportunidad" in html


def test_filters_by_town_and_skill_with_counts(
    client, volunteer_page, network_a, network_b
):
    VolunteerOpportunityFactory(network=network_a, title="Cocina", skills=["cooking"])
    VolunteerOpportunityFactory(network=network_b, title="Clases", skills=["teaching"])
    VolunteerOpportunityFactory(
        network=network_b, title="Radio", skills=["communications"], is_remote=True
    )
    VolunteerOpportunityFactory(
        network=network_b, title="Cerrada", skills=["cooking"], is_active=False
    )
    html = client.get("/es/participa/", {"municipio": "Tenosique"}).content.decode()
    assert "Clases" in html and "Radio" in html
    assert ">Cocina<" not in html and "Cerrada" not in html
    assert 'value="Tenosique" id="municipio-tenosique" checked' in html

    html = client.get(
        "/es/participa/",
        {"municipio": ["Tenosique", "Tapachula"], "habilidad": "cooking"},
    ).content.decode()
    assert ">Cocina<" in html and "Clases" not in html
    # Counts: skills counted under the chosen towns.
    assert 'Cocina <span class="muted">(1)</span>' in html

    html = client.get("/es/participa/", {"municipio": "remote"}).content.decode()
    assert "Radio" in html and "Clases" not in html

    html = client.get("/es/participa/", {"habilidad": "legal"}).content.decode()
    assert "Ninguna oportunidad coincide con estos filtros" in html

    # Unknown values are ignored, never an error.
    assert (
        client.get("/es/participa/", {"municipio": "<x>", "page": "z"}).status_code
        == 200
    )


def test_english_visitors_read_english_opportunities(
    client, volunteer_page, network_a, english
):
    spanish = VolunteerOpportunityFactory(network=network_a, title="Cocina del comedor")
    translated = spanish.copy_for_translation(english)
    translated.title = "Soup kitchen cook"
    translated.save()
    VolunteerOpportunityFactory(network=network_a, title="Solo en español")
    translate_page(volunteer_page, english, title="Take part", slug="take-part")
    html = client.get("/en/take-part/").content.decode()
    assert "Soup kitchen cook" in html
    assert "Cocina del comedor" not in html
    # Untranslated opportunities are shown in Spanish rather than hidden.
    assert "Solo en español" in html
    assert "Volunteer opportunities" in html


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


def test_network_page_shows_members_opportunities_and_how_to_join(
    client, volunteer_page, network_a, opportunity_a
):
    MemberOrganisationFactory(
        network=network_a, name="Parroquia San Juan", kind="parish"
    )
    VolunteerOpportunityFactory(network=network_a, title="Inactiva", is_active=False)
    page = add_child(
        volunteer_page,
        ProtectionNetworkPageFactory.build(
            title="Red Tapachula", slug="red-tapachula", network=network_a
        ),
    )
    html = client.get(page.url).content.decode()
    assert "Parroquia San Juan" in html and "(Parroquia)" in html
    assert "Clases de español en el albergue" in html
    assert "Inactiva" not in html
    assert 'href="/es/voluntariado/inscripcion/?red=red-tapachula"' in html
    assert "Tapachula, Chiapas" in html
    assert "Cómo sumarte" in html


def test_a_member_with_a_directory_entry_links_to_it(
    client, home, volunteer_page, network_a
):
    directory = add_child(home, DirectoryIndexPageFactory.build())
    casa = OrganizationFactory(name="Casa del Migrante San Juan", slug="casa-san-juan")
    MemberOrganisationFactory(
        network=network_a, name="Casa del Migrante", kind="shelter", organization=casa
    )
    MemberOrganisationFactory(network=network_a, name="Vecinos", kind="neighbours")
    page = add_child(
        volunteer_page, ProtectionNetworkPageFactory.build(network=network_a)
    )
    html = client.get(page.url).content.decode()
    assert (
        f'<a href="{directory.url}organizacion/casa-san-juan/">Casa del Migrante</a>'
        in (html)
    )
    assert "<li>Vecinos " in html
    casa.delete()
    html = client.get(page.url).content.decode()
    assert "<li>Casa del Migrante " in html


def test_closed_network_takes_no_sign_ups(client, volunteer_page):
    network = ProtectionNetworkFactory(is_active=False)
    page = add_child(
        volunteer_page, ProtectionNetworkPageFactory.build(network=network)
    )
    html = client.get(page.url).content.decode()
    assert "Por ahora esta red no recibe nuevas personas voluntarias." in html
    assert "/voluntariado/inscripcion/" not in html.split("<main", 1)[1]


def test_signup_link_preselects_network_or_opportunity(
    client, network_a, opportunity_a
):
    html = client.get(
        address("networks:signup"), {"red": "red-tapachula"}
    ).content.decode()
    assert f'<option value="network-{network_a.pk}" selected>' in html
    html = client.get(
        address("networks:signup"), {"oportunidad": opportunity_a.pk}
    ).content.decode()
    assert f'<option value="opportunity-{opportunity_a.pk}" selected>' in html
    assert '<optgroup label="Red Tapachula (Tapachula)">' in html


def test_signup_form_links_the_privacy_notice(client, network_a, home):
    from convivir.models import ContentPage
    from networks.models import VolunteeringSettings

    privacy = add_child(home, ContentPage(title="Aviso de privacidad", slug="aviso"))
    settings_row = VolunteeringSettings.load()
    settings_row.privacy_notice_page = privacy
    settings_row.privacy_notice_version = "2026-11"
    settings_row.save()
    html = client.get(address("networks:signup")).content.decode()
    assert 'href="/es/aviso/"' in html


def test_home_page_shows_the_call_to_volunteer(client, volunteer_page, network_a):
    html = client.get("/es/").content.decode()
    assert "Súmate a una red de protección" in html
    assert 'class="button" href="/es/participa/">Quiero ser voluntaria/o</a>' in html
    assert "1 red busca personas voluntarias" in html


def test_home_page_has_no_call_without_a_volunteering_page(client, home):
    assert "Súmate a una red de protección" not in client.get("/es/").content.decode()


def test_call_to_action_block_links_to_the_sign_up(network_a, opportunity_a):
    block = VolunteerCallToActionBlock()
    value = block.to_python(
        {
            "heading": "Súmate",
            "text": "",
            "button_label": "Quiero ayudar",
            "network": network_a.pk,
            "opportunity": None,
        }
    )
    html = block.render(value)
    assert 'href="/es/voluntariado/inscripcion/?red=red-tapachula"' in html
    value = block.to_python(
        {
            "heading": "Súmate",
            "text": "",
            "button_label": "Quiero ayudar",
            "network": network_a.pk,
            "opportunity": opportunity_a.pk,
        }
    )
    assert f"?oportunidad={opportunity_a.pk}" in block.render(value)


def test_call_to_action_block_needs_a_network_or_opportunity():
    from wagtail.blocks.struct_block import StructBlockValidationError

    block = VolunteerCallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"heading": "H", "button_label": "B"}))


def test_page_types_sit_where_they_belong(volunteer_page):
    assert VolunteerIndexPage.parent_page_types == ["convivir.HomePage"]
    assert ProtectionNetworkPage.parent_page_types == ["networks.VolunteerIndexPage"]
    assert HomePage.objects.count() == 1


def count_queries(client, url, **params) -> int:
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def make_network(volunteer_page, n):
    network = ProtectionNetworkFactory(municipality=f"Municipio {n}")
    MemberOrganisationFactory.create_batch(3, network=network)
    VolunteerOpportunityFactory.create_batch(
        3, network=network, skills=["cooking", "it"]
    )
    add_child(volunteer_page, ProtectionNetworkPageFactory.build(network=network))
    return network


def test_listing_queries_do_not_grow_with_networks_and_opportunities(
    client, volunteer_page
):
    first = make_network(volunteer_page, 0)
    few = count_queries(client, "/es/participa/", habilidad="cooking")
    form_few = count_queries(client, address("networks:signup"))
    for n in range(1, 6):
        make_network(volunteer_page, n)
    assert count_queries(client, "/es/participa/", habilidad="cooking") == few
    assert count_queries(client, address("networks:signup")) == form_few
    page = ProtectionNetworkPage.objects.get(network=first)
    assert count_queries(client, page.url) <= 20
