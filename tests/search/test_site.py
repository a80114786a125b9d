"""The site-wide search: pages in the visitor's language by kind, and the
directory's services through the query interface, linked from the header."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, get_page_models

import pytest

from convivir.factories import ContentPageFactory
from directory.factories import DirectoryIndexPageFactory, ServiceFactory
from tests.utils import add_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home):
    add_child(home, DirectoryIndexPageFactory.build())
    add_child(
        home,
        ContentPageFactory.build(
            title="Conoce tus derechos", slug="derechos", summary="Asilo y refugio."
        ),
    )
    ServiceFactory(
        name="Defensoría Migrante",
        description="Asesoría jurídica gratuita.",
        types=["legal_aid"],
    )


def test_pages_and_services_are_found_and_grouped(client, content):
    html = client.get("/es/buscar/", {"q": "derechos"}).content.decode()
    assert "<h1>Buscar en el sitio</h1>" in html
    assert 'href="/es/derechos/">Conoce tus derechos</a>' in html
    html = client.get("/es/buscar/", {"q": "abogado"}).content.decode()
    assert "<h2" in html and "Servicios del directorio</h2>" in html
    assert "Defensoría Migrante</a>" in html


def test_each_kind_of_page_is_headed_by_its_own_plural(client, content):
    html = client.get("/es/buscar/", {"q": "derechos"}).content.decode()
    assert "Páginas de contenido</h2>" in html
    for model in get_page_models():
        if model is Page:
            continue
        # Django's own plural adds an "s" to the whole name ("calendario de
        # eventoss"); each page type names its plural, in both languages.
        assert "verbose_name_plural" in model._meta.original_attrs, model
        with translation.override("es"):
            spanish = str(model._meta.verbose_name_plural)
        with translation.override("en"):
            english = str(model._meta.verbose_name_plural)
        assert spanish != english, model


def test_the_header_links_to_it_in_each_language(client, content, home_en):
    html = client.get("/es/").content.decode()
    header = html[html.index('class="site-header"') : html.index("</header>")]
    # In the header's menu, beside the links that are not the three doors.
    menu = header[header.index('class="site-menu"') :]
    assert '<a href="/es/buscar/">Buscar en el sitio</a>' in menu
    response = client.get("/en/search/", {"q": "lawyer"})
    assert response.status_code == 200
    assert "Search the site</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "x" * 2000,
        '"',
        "*",
        "(",
        "AND",
        "%",
        "_",
        '"<script>alert(1)</script>',
        "derechos <b>",
        "a:b NEAR(c d) ^e -f +g {h}",
    ],
)
def test_any_words_give_a_normal_page(client, content, q):
    response = client.get("/es/buscar/", {"q": q})
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[-1]
    assert "<script>" not in main and "<b>" not in main
    if q.startswith("derechos"):
        assert "Conoce tus derechos</a>" in main


def test_nothing_found_says_so(client, content):
    html = client.get("/es/buscar/", {"q": "zzxqv"}).content.decode()
    assert "Nada coincide con estas palabras" in html


def test_services_found_cost_no_query_each(client, content, settings):
    settings.SEARCH_RESULTS_SECONDS = 0  # each search asked afresh

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/es/buscar/", {"q": "abogado"}).content.decode()
        return len(captured), html.count("/es/buscar-ayuda/servicio/")

    client.get("/es/buscar/", {"q": "abogado"})  # the caches warm
    few, listed = queries()
    assert listed == 1
    for n in range(6):
        ServiceFactory(name=f"Asesoría jurídica {n}", types=["legal_aid"])
    many, listed = queries()
    assert listed == 7
    assert many == few
