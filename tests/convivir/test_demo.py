"""``manage.py load_demo``: a realistic, bilingual, idempotent demo site."""

import io
import re

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest
from pypdf import PdfReader

from convivir.demo.pdf import make_pdf
from convivir.models import ContentPage, CustomImage, HomePage, MainMenu

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }


@pytest.fixture
def demo(demo_site):
    """The demo site, built once for the run (see tests/conftest.py)."""
    return demo_site


def test_load_demo_twice_changes_nothing(demo, settings):
    before = row_counts()
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == before


def test_demo_prints_the_admin_login_and_the_login_works(demo, client):
    match = re.search(r"user: admin\s+password: (\S+)", demo)
    assert match, demo
    assert client.login(username="admin", password=match.group(1))
    assert client.get("/admin/").status_code == 200


def test_demo_refuses_to_run_on_a_production_site(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=io.StringIO())


def test_every_spanish_page_has_an_english_translation(demo):
    spanish = Page.objects.filter(locale__language_code="es", depth__gte=2).live()
    english_keys = set(
        Page.objects.filter(locale__language_code="en")
        .live()
        .values_list("translation_key", flat=True)
    )
    # The core's own: the home page and nine content pages (apps add theirs).
    assert spanish.exact_type(HomePage, ContentPage).count() == 10
    assert {page.translation_key for page in spanish} <= english_keys
    assert not Page.objects.filter(alias_of__isnull=False).exists()


def test_demo_covers_the_programme_pages(demo):
    titles = set(
        ContentPage.objects.filter(locale__language_code="es").values_list(
            "title", flat=True
        )
    )
    assert {
        "Sobre el programa",
        "Conoce tus derechos",
        "Derecho a la salud",
        "Derecho a solicitar asilo (refugio) ante la COMAR",
        "Presentar una queja ante una comisión de derechos humanos",
        "¿Qué es la Tarjeta de Visitante por Razones Humanitarias?",
        "Seguridad en el camino",
        "Aviso de privacidad",
        "Declaración de accesibilidad",
    } <= titles


def test_every_demo_page_renders_in_its_language(demo, client):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        lang = page.locale.language_code
        assert f'<html lang="{lang}">' in response.content.decode(), page.url


def test_english_menu_and_links_lead_to_english_pages(demo, client):
    html = client.get("/en/").content.decode()
    header = html[html.index('class="site-header"') : html.index("</header>")]
    doors = header[header.index('class="main-nav"') :]
    # The three doors in view, the rest behind the menu button.
    assert [label for _, label in re.findall(r'href="([^"]+)">([^<]+)</a>', doors)] == [
        "Find help",
        "Events",
        "Take part",
    ]
    more = header[header.index('class="site-menu"') : header.index('class="main-nav"')]
    assert 'href="/en/know-your-rights/">Know your rights</a>' in more
    assert 'href="/en/search/">Search the site</a>' in more
    assert "/es/" not in doors and "/es/" not in more
    assert 'class="button" href="/en/know-your-rights/"' in html
    footer = html[html.index('class="site-footer"') :]
    assert 'href="/en/privacy-notice/">Privacy notice</a>' in footer
    assert MainMenu.objects.count() == 2


def test_demo_images_are_generated_locally_with_alt_text(demo):
    images = CustomImage.objects.all()
    assert images.count() == 5
    for image in images:
        assert image.description
        assert image.file.name.endswith(".jpg")
    home = HomePage.objects.get(locale__language_code="en")
    assert home.hero_image_alt.startswith("Illustration")


def test_demo_leaflet_is_a_real_pdf(demo):
    document = get_document_model().objects.get(title="Cartilla: conoce tus derechos")
    with document.file.open("rb") as handle:
        reader = PdfReader(handle)
        text = "".join(page.extract_text() for page in reader.pages)
    assert "Conoce tus derechos en México" in text
    assert "COMAR" in text


def test_pdf_writer_wraps_long_text_onto_more_pages():
    blocks = [
        ("bullet", f"Punto número {n}: atención gratuita y sin papeles.")
        for n in range(120)
    ]
    reader = PdfReader(io.BytesIO(make_pdf("Cartilla", blocks)))
    assert len(reader.pages) >= 2
    assert reader.metadata.title == "Cartilla"
    assert "Punto número 119" in reader.pages[-1].extract_text()
