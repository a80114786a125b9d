"""The quick exit on pages about violence, trafficking and safety (a plain
link without JavaScript, to a configurable neutral site), and the
emergency numbers on every page, editable."""

import re

import pytest

from convivir.factories import ContentPageFactory
from convivir.models import Footer
from directory.factories import DirectoryIndexPageFactory, ServiceFactory
from directory.models import TaxonomyTerm
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db

EXIT = re.compile(r'<a class="quick-exit" href="([^"]+)" rel="noreferrer"')


def quick_exit(response) -> str | None:
    found = EXIT.search(response.content.decode())
    return found.group(1) if found else None


@pytest.fixture
def directory(home, english):
    page = add_child(home, DirectoryIndexPageFactory.build())
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(page, english, title="Find help", slug="find-help")
    ServiceFactory(name="Albergue Belén", slug="albergue-belen", types=["shelter"])
    ServiceFactory(
        name="Refugio Mariposa",
        slug="refugio-mariposa",
        types=["trafficking", "shelter"],
        location__municipality="Tuxtla Gutiérrez",
    )
    return page


def test_the_four_kinds_of_service_offer_it_from_the_start():
    flagged = set(
        TaxonomyTerm.objects.filter(quick_exit=True).values_list(
            "taxonomy__key", "code"
        )
    )
    assert flagged == {
        ("service_type", "gbv_protection"),
        ("service_type", "trafficking"),
        ("service_type", "lgbtiq"),
        ("service_type", "child_protection"),
        ("population", "lgbtiq"),
    }


def test_a_safety_page_offers_it_and_another_page_does_not(client, home):
    safe = add_child(home, ContentPageFactory.build(title="Seguridad", quick_exit=True))
    plain = add_child(home, ContentPageFactory.build(title="Quiénes somos"))
    response = client.get(safe.url)
    assert quick_exit(response) == "https://www.google.com/search?q=clima"
    assert "Salida rápida" in response.content.decode()
    assert quick_exit(client.get(plain.url)) is None


def test_the_neutral_site_is_a_setting(client, home, settings):
    settings.QUICK_EXIT_URL = "https://www.eluniversal.com.mx/"
    safe = add_child(home, ContentPageFactory.build(title="Seguridad", quick_exit=True))
    assert quick_exit(client.get(safe.url)) == "https://www.eluniversal.com.mx/"


@pytest.mark.parametrize(
    "url, offered",
    [
        ("/es/buscar-ayuda/servicio/refugio-mariposa/", True),
        ("/en/find-help/service/refugio-mariposa/", True),
        ("/es/buscar-ayuda/servicio/albergue-belen/", False),
        ("/es/buscar-ayuda/?q=albergue", True),  # the refuge is listed
        ("/es/buscar-ayuda/?municipio=tapachula", False),
        ("/es/buscar-ayuda/municipio/tuxtla-gutierrez/", True),
        ("/es/buscar-ayuda/municipio/tapachula/", False),
        # Searching for such help offers it, even when nothing is found.
        ("/es/buscar-ayuda/?tipo=gbv_protection", True),
    ],
)
def test_directory_pages_about_such_services_offer_it(client, directory, url, offered):
    response = client.get(url)
    assert response.status_code == 200
    assert (quick_exit(response) is not None) is offered


def test_the_term_decides(client, directory):
    TaxonomyTerm.objects.filter(code="trafficking").update(quick_exit=False)
    response = client.get("/es/buscar-ayuda/servicio/refugio-mariposa/")
    assert quick_exit(response) is None
    TaxonomyTerm.objects.filter(code="shelter").update(quick_exit=True)
    response = client.get("/es/buscar-ayuda/servicio/albergue-belen/")
    assert quick_exit(response) is not None


def test_the_emergency_numbers_are_on_every_page(client, home, english):
    translate_page(home, english, title="Home", hero_heading="Welcome")
    html = client.get("/es/").content.decode()
    line = re.search(r'<p class="site-footer__emergency">(.*?)</p>', html).group(1)
    assert line == (
        'Emergencias: <a href="tel:911">911</a> · Denuncia anónima: '
        '<a href="tel:089">089</a> · Guardia Nacional: <a href="tel:088">088</a>'
    )
    html = client.get("/en/").content.decode()
    assert 'Emergencies: <a href="tel:911">911</a>' in html


def test_the_emergency_line_is_editable_and_escaped(client, home):
    Footer.objects.create(
        locale=home.locale,
        emergency_line="Emergencias 911 · Línea de la Mujer 800 108 4053 <b>",
    )
    html = client.get("/es/").content.decode()
    assert '<a href="tel:8001084053">800 108 4053</a> &lt;b&gt;' in html
    assert '<a href="tel:911">911</a>' in html
