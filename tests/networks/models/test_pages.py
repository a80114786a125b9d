"""The public pages (:mod:`networks.models.pages`): where editors may
create them, the volunteering page with its opportunities and networks, and
each network's page, in both languages and at a fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from convivir.models import HomePage
from directory.factories import DirectoryIndexPageFactory, OrganizationFactory
from networks.factories import (
    MemberOrganisationFactory,
    ProtectionNetworkFactory,
    ProtectionNetworkPageFactory,
    VolunteerIndexPageFactory,
    VolunteerOpportunityFactory,
)
from networks.models import ProtectionNetworkPage, VolunteerIndexPage
from tests.networks.conftest import address
from tests.utils import SpanishEditorPageTestCase, add_child, translate_page

pytestmark = pytest.mark.django_db


class TestPageTypes(SpanishEditorPageTestCase):
    """Editors create the volunteering page under the home page and the
    networks' pages under it, with the admin's own forms; both are served."""

    def test_the_volunteering_page_sits_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, VolunteerIndexPage)
        self.assertCanCreateAt(VolunteerIndexPage, ProtectionNetworkPage)
        self.assertCanNotCreateAt(HomePage, ProtectionNetworkPage)
        self.assertCanNotCreateAt(ProtectionNetworkPage, ProtectionNetworkPage)
        self.assertAllowedSubpageTypes(VolunteerIndexPage, {ProtectionNetworkPage})
        self.assertAllowedSubpageTypes(ProtectionNetworkPage, set())

    def test_an_editor_creates_the_volunteering_page(self):
        self.assertCanCreate(
            self.home,
            VolunteerIndexPage,
            nested_form_data(
                {
                    "title": "Participa",
                    "slug": "participa",
                    "intro": rich_text("<p>Súmate a una red.</p>"),
                    "code_of_conduct": rich_text("<p>Respeto a cada persona.</p>"),
                }
            ),
        )
        page = VolunteerIndexPage.objects.get(slug="participa", live=True)
        self.assertPageIsRenderable(page)
        # (Wagtail's assertPageIsRoutable does not know language prefixes.)
        self.assertContains(self.client.get("/es/participa/"), "<h1>Participa</h1>")

    def test_an_editor_creates_a_networks_page(self):
        index = add_child(self.home, VolunteerIndexPageFactory.build())
        network = ProtectionNetworkFactory(name="Red Tapachula")
        self.assertCanCreate(
            index,
            ProtectionNetworkPage,
            nested_form_data(
                {
                    "title": "Red Tapachula",
                    "slug": "red-tapachula",
                    "network": network.pk,
                    "summary": "Albergues y vecinos que acogen.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Acompañamos.</p>"))]
                    ),
                    "how_to_join": rich_text("<p>Escríbenos.</p>"),
                }
            ),
        )
        page = ProtectionNetworkPage.objects.get(slug="red-tapachula", live=True)
        self.assertPageIsRenderable(page)
        self.assertContains(self.client.get(page.url), "Acompañamos.")


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
