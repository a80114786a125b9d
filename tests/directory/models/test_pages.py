"""The directory page: where it may be created; its routes, each in the
page's language (``/es/buscar-ayuda/servicio/<slug>/``,
``/en/find-help/service/<slug>/``), an address in the other language
redirecting permanently with its query string; the language switcher and
the sitemap."""

import re

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from convivir.models import HomePage
from directory.factories import (
    ContactFactory,
    DirectoryIndexPageFactory,
    ServiceFactory,
)
from directory.models import DirectoryIndexPage
from tests.utils import add_child

pytestmark = pytest.mark.django_db


class TestDirectoryPageType(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="es", depth=2)

    def test_the_directory_goes_under_the_home_page_with_nothing_under_it(self):
        self.assertAllowedParentPageTypes(DirectoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DirectoryIndexPage, set())
        self.assertCanCreateAt(HomePage, DirectoryIndexPage)

    def test_an_editor_creates_the_directory_page(self):
        self.login()
        self.assertCanCreate(
            self.home,
            DirectoryIndexPage,
            nested_form_data(
                {
                    "title": "Buscar ayuda",
                    "slug": "buscar-ayuda",
                    "intro": rich_text("<p>Albergues, comida y salud.</p>"),
                    "safety_note": "Nadie puede cobrarte por ayudarte.",
                }
            ),
        )
        page = DirectoryIndexPage.objects.get(slug="buscar-ayuda")
        assert page.live and page.safety_note == "Nadie puede cobrarte por ayudarte."

    def test_every_route_renders(self):
        # (Wagtail's assertPageIsRoutable does not know language prefixes;
        # each address is asked for through the client below.)
        page = add_child(self.home, DirectoryIndexPageFactory.build())
        service = ServiceFactory(slug="albergue-belen")
        routes = [
            ("index", {}),
            ("service", {"slug": service.slug}),
            ("organization", {"slug": service.organization.slug}),
            ("town", {"slug": "tapachula"}),
            ("town_sheet", {"slug": "tapachula"}),
        ]
        for name, kwargs in routes:
            self.assertPageIsRenderable(page, page.reverse_subpage(name, kwargs=kwargs))
        # A report is posted from the service page; asked for, it leads there.
        report = page.reverse_subpage("report", kwargs={"slug": service.slug})
        self.assertPageIsRenderable(page, report, accept_redirect=True)

    def test_the_directory_page_can_be_previewed(self):
        page = add_child(self.home, DirectoryIndexPageFactory.build())
        ServiceFactory(name="Albergue Belén")
        self.assertPageIsPreviewable(page)


# Each route: its name, its arguments, its Spanish and English paths.
ROUTES = [
    ("index", {}, "", ""),
    (
        "service",
        {"slug": "albergue-belen"},
        "servicio/albergue-belen/",
        "service/albergue-belen/",
    ),
    (
        "report",
        {"slug": "albergue-belen"},
        "servicio/albergue-belen/reportar/",
        "service/albergue-belen/report/",
    ),
    ("verify", {}, "verificar/", "verify/"),
    ("status", {}, "estado/", "status/"),
    (
        "organization",
        {"slug": "casa-belen"},
        "organizacion/casa-belen/",
        "organization/casa-belen/",
    ),
    ("town", {"slug": "tapachula"}, "municipio/tapachula/", "town/tapachula/"),
    (
        "town_sheet",
        {"slug": "tapachula"},
        "municipio/tapachula/imprimir/",
        "town/tapachula/print/",
    ),
]


@pytest.mark.parametrize(("name", "kwargs", "es_path", "en_path"), ROUTES)
def test_each_route_is_in_the_pages_language(
    directory_page, directory_page_en, name, kwargs, es_path, en_path
):
    assert directory_page.route_url(name, **kwargs) == f"/es/buscar-ayuda/{es_path}"
    assert directory_page_en.route_url(name, **kwargs) == f"/en/find-help/{en_path}"
    assert (
        directory_page_en.route_url(name, full=True, **kwargs)
        == f"https://convivir.example.org/en/find-help/{en_path}"
    )


@pytest.fixture
def entries(directory_page_en, shelter):
    shelter.organization.slug = "casa-belen"
    shelter.organization.save()
    return shelter


@pytest.mark.parametrize(
    "path",
    [
        "service/albergue-belen/",
        "organization/casa-belen/",
        "town/tapachula/",
        "town/tapachula/print/",
    ],
)
def test_the_english_pages_answer_at_english_addresses(client, entries, path):
    assert client.get(f"/en/find-help/{path}").status_code == 200


@pytest.mark.parametrize(("name", "kwargs", "es_path", "en_path"), ROUTES[1:])
def test_an_address_in_the_other_language_redirects_permanently(
    client, entries, name, kwargs, es_path, en_path
):
    response = client.get(f"/en/find-help/{es_path}?t=ab%3Acd&page=2")
    assert response.status_code == 301
    assert response["Location"] == f"/en/find-help/{en_path}?t=ab%3Acd&page=2"
    response = client.get(f"/es/buscar-ayuda/{en_path}")
    assert response.status_code == 301
    assert response["Location"] == f"/es/buscar-ayuda/{es_path}"


def test_a_link_sent_before_the_english_addresses_still_works(client, entries):
    contact = ContactFactory(service=entries, name="John", language="en")
    token = entries.verification_token(contact)
    response = client.get(f"/en/find-help/verificar/?t={token}", follow=True)
    assert response.redirect_chain == [(f"/en/find-help/verify/?t={token}", 301)]
    assert "Hello John." in response.getvalue().decode()


def test_language_links_lead_to_the_same_service(client, entries):
    html = client.get("/es/buscar-ayuda/servicio/albergue-belen/").getvalue().decode()
    assert 'href="/en/find-help/service/albergue-belen/" hreflang="en"' in html
    assert re.search(
        r'<link rel="alternate" hreflang="en" '
        r'href="https?://[^/"]+/en/find-help/service/albergue-belen/">',
        html,
    )
    html = client.get("/en/find-help/town/tapachula/print/").getvalue().decode()
    assert 'href="/es/buscar-ayuda/municipio/tapachula/imprimir/" hreflang="es"' in html


def test_sitemap_lists_services_towns_and_organizations(client, entries):
    xml = client.get("/sitemap.xml").getvalue().decode()
    for es_path, en_path in [
        ("servicio/albergue-belen/", "service/albergue-belen/"),
        ("municipio/tapachula/", "town/tapachula/"),
        ("organizacion/casa-belen/", "organization/casa-belen/"),
    ]:
        assert f"https://convivir.example.org/es/buscar-ayuda/{es_path}<" in xml
        assert f"https://convivir.example.org/en/find-help/{en_path}<" in xml
