"""Spanish first, English second: redirects, error pages, catalogs."""

from pathlib import Path

from django.conf import settings
from django.test import Client, override_settings

import polib
import pytest

PROJECT = Path(settings.BASE_DIR)
# The site's catalogs and every app's own.
CATALOGS = sorted(
    path
    for path in PROJECT.glob("*/locale/*/LC_MESSAGES/django.po")
    if ".venv" not in path.parts
)


@pytest.mark.django_db
class TestRootRedirect:
    @pytest.mark.parametrize(
        ("accept_language", "expected"),
        [
            ("en-US,en;q=0.9", "/en/"),
            ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
            ("fr-FR,fr;q=0.9", "/es/"),  # unknown language: Spanish
            ("", "/es/"),
        ],
    )
    def test_root_redirects_by_accept_language(self, home, accept_language, expected):
        response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
        assert response.status_code == 302
        assert response["Location"] == expected

    def test_unprefixed_path_redirects_into_a_language(self, home):
        response = Client().get("/conoce-tus-derechos/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 302
        assert response["Location"] == "/en/conoce-tus-derechos/"


@pytest.mark.django_db
class TestNotFound:
    def test_unknown_path_gives_spanish_404(self, client, home):
        response = client.get("/es/no-existe/")
        assert response.status_code == 404
        html = response.content.decode()
        assert '<html lang="es">' in html
        assert "No encontramos esta página" in html
        assert 'href="/es/"' in html

    def test_unknown_path_gives_english_404(self, client, home):
        response = client.get("/en/does-not-exist/")
        assert response.status_code == 404
        html = response.content.decode()
        assert '<html lang="en">' in html
        assert "We could not find this page" in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.convivir.broken_urls")
@pytest.mark.parametrize(
    ("prefix", "lang", "text"),
    [("es", "es", "Algo salió mal"), ("en", "en", "Something went wrong")],
)
def test_server_error_page_is_in_the_request_language(home, prefix, lang, text):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{prefix}/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html


def test_every_catalog_exists_in_both_languages():
    languages = {path.parts[-3] for path in CATALOGS}
    assert languages == {"es", "en"}
    for path in CATALOGS:
        for language in ("es", "en"):
            assert (path.parents[2] / language / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_catalog_translates_every_string(path):
    catalog = polib.pofile(path)
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_compiled_catalog_matches_its_source(path):
    # Keyed with the context: "Search" (the app) and "Search" (a button)
    # are two entries.
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(path) if e.msgid}
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.mofile(path.with_suffix(".mo"))
        if e.msgid
    }
    assert compiled == source, "Run `make messages` to recompile the catalogs."


def test_translated_strings_reach_the_page(client, db, home):
    html = client.get("/es/").content.decode()
    assert "Comunidades que acogen" in html
    assert "Este sitio no usa rastreadores" in html
    assert "Communities that welcome" not in html


@pytest.mark.django_db
def test_sitemap_lists_both_languages_with_hreflang_alternates(
    client, home, home_en, english
):
    from xml.etree import ElementTree

    from convivir.models import ContentPage
    from tests.utils import add_child, translate_page

    page = add_child(home, ContentPage(title="Derechos", slug="derechos"))
    translate_page(page, english, title="Rights", slug="rights")
    add_child(home, ContentPage(title="Solo en español", slug="solo"))

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", namespaces).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }
    rights = {
        "es": "https://convivir.example.org/es/derechos/",
        "en": "https://convivir.example.org/en/rights/",
    }
    assert entries["https://convivir.example.org/es/derechos/"] == rights
    assert entries["https://convivir.example.org/en/rights/"] == rights
    assert entries["https://convivir.example.org/es/solo/"] == {}
    assert (
        "https://convivir.example.org/es/" in entries
        and "https://convivir.example.org/en/" in entries
    )


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.convivir.broken_urls")
def test_server_error_page_needs_no_static_manifest(home, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    response = Client(raise_request_exception=False).get("/es/broken/")
    assert response.status_code == 500
    assert 'href="/static/css/convivir.css"' in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.convivir.broken_urls")
@pytest.mark.parametrize(
    ("prefix", "text"),
    [("es", "No puedes ver esta página"), ("en", "You cannot see this page")],
)
def test_forbidden_page_is_in_the_request_language(client, home, prefix, text):
    response = client.get(f"/{prefix}/forbidden/")
    assert response.status_code == 403
    assert text in response.content.decode()


@pytest.mark.django_db
def test_english_address_without_english_home_leads_to_spanish(client, home):
    # A fresh install has only the Spanish home page: no Spanish content is
    # served labelled as English.
    response = client.get("/en/")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.django_db
def test_error_pages_claim_no_alternate_versions(client, home, home_en):
    html = client.get("/es/no-existe/?q=1").content.decode()
    assert 'rel="alternate"' not in html


@pytest.mark.django_db
def test_switcher_outside_the_language_prefix_offers_each_home(client, home, home_en):
    html = client.get("/documents/999/nada.pdf", HTTP_ACCEPT_LANGUAGE="en").content
    switcher = html.decode().split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/es/" hreflang="es"' in switcher
