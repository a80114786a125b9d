"""The dialogue-materials library: page types, the material page in both
languages, the library's filters and its fixed number of queries."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from campaigns.factories import DialogueMaterialPageFactory, ThemeFactory
from campaigns.models import DialogueMaterialIndexPage, DialogueMaterialPage
from convivir.models import HomePage
from tests.utils import add_child, translate_page

pytestmark = pytest.mark.django_db

PLAN = [
    (
        "step",
        {
            "title": "Bienvenida",
            "minutes": 10,
            "instructions": "<p>Ronda de nombres.</p>",
        },
    ),
    (
        "step",
        {"title": "Mapa de rutas", "minutes": 35, "instructions": "<p>En grupos.</p>"},
    ),
]


class TestPageTypeRules(WagtailPageTestCase):
    def test_library_under_home_and_materials_under_it(self):
        self.assertAllowedParentPageTypes(DialogueMaterialIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            DialogueMaterialIndexPage, {DialogueMaterialPage}
        )
        self.assertAllowedParentPageTypes(
            DialogueMaterialPage, {DialogueMaterialIndexPage}
        )
        self.assertAllowedSubpageTypes(DialogueMaterialPage, set())


def material(library, **fields):
    themes = fields.pop("themes", [])
    page = DialogueMaterialPageFactory.build(**fields)
    page.themes = themes
    return add_child(library, page)


def test_material_page_shows_plan_with_minutes(client, library, school_theme):
    page = material(
        library,
        title="Mapa de nuestras migraciones",
        slug="mapa",
        audiences=["teachers", "youth"],
        duration_minutes=45,
        materials_needed="<ul><li>Papel kraft</li></ul>",
        session_plan=PLAN,
        themes=[school_theme],
    )
    html = client.get(page.url).content.decode()
    assert "<h1>Mapa de nuestras migraciones</h1>" in html
    assert "Docentes, Juventudes" in html
    assert "Guía para facilitar" in html
    assert "45 minutos" in html
    assert "Papel kraft" in html
    assert "Plan de la sesión" in html
    assert re.search(r"Bienvenida <span[^>]*>10 minutos</span>", html)
    assert "45 minutos en total." in html
    assert "Escuela" in html
    data = json.loads(
        re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "CreativeWork"
    assert data["timeRequired"] == "PT45M"
    assert [a["audienceType"] for a in data["audience"]] == ["Docentes", "Juventudes"]


def test_material_page_in_english(client, library, english, home_en, school_theme):
    ThemeFactory(name="School", slug="escuela", locale=english)
    page = material(library, slug="mapa", session_plan=PLAN, themes=[school_theme])
    translate_page(library, english, title="Dialogue materials", slug="materials")
    translate_page(page, english, title="Map of our migrations", slug="map")
    html = client.get("/en/materials/map/").content.decode()
    assert "<h1>Map of our migrations</h1>" in html
    assert "Facilitator guide" in html and "Teachers" in html
    assert "School" in html
    assert "45 minutes in total." in html


def _titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_each_filter_narrows_and_filters_combine(
    client, library, school_theme, work_theme
):
    material(
        library,
        title="A",
        audiences=["teachers"],
        format="guide",
        material_language="es",
        duration_minutes=30,
        themes=[school_theme],
    )
    material(
        library,
        title="B",
        audiences=["youth", "faith"],
        format="video",
        material_language="tzo",
        duration_minutes=60,
        themes=[work_theme],
    )
    material(
        library,
        title="C",
        audiences=["media"],
        format="poster",
        material_language="es",
        duration_minutes=120,
        themes=[school_theme, work_theme],
    )
    url = library.url
    assert _titles(client.get(url).content.decode()) == ["A", "B", "C"]
    for query, expected in [
        ({"publico": "faith"}, ["B"]),
        ({"tema": "escuela"}, ["A", "C"]),
        ({"formato": "poster"}, ["C"]),
        ({"idioma": "es"}, ["A", "C"]),
        ({"duracion": "long"}, ["C"]),
        ({"duracion": ["short", "medium"]}, ["A", "B"]),
        ({"idioma": "es", "tema": "trabajo"}, ["C"]),
        ({"publico": "teachers", "formato": "video"}, []),
    ]:
        html = client.get(url, query).content.decode()
        assert _titles(html) == expected, query
    html = client.get(url, {"idioma": "es"}).content.decode()
    assert 'Trabajo <span class="muted">(1)</span>' in html


@pytest.mark.parametrize(
    "query",
    [{"publico": "aliens"}, {"duracion": "-1"}, {"page": "x"}, {"formato": "\x00"}],
)
def test_invalid_filter_values_are_ignored(client, library, query):
    material(library, title="A")
    response = client.get(library.url, query)
    assert response.status_code == 200
    assert _titles(response.content.decode()) == ["A"]


def test_library_queries_do_not_grow_with_materials(client, library, school_theme):
    for n in range(3):
        material(library, title=f"M{n}", slug=f"m{n}", themes=[school_theme])
    client.get(library.url)
    with CaptureQueriesContext(connection) as few:
        client.get(library.url)
    for n in range(3, 40):
        material(library, title=f"M{n}", slug=f"m{n}", themes=[school_theme])
    with CaptureQueriesContext(connection) as many:
        client.get(library.url)
    assert len(many) == len(few)


def test_editor_creates_a_material_with_audiences(admin_client, library):
    data = nested_form_data(
        {
            "title": "Ficha nueva",
            "slug": "ficha-nueva",
            "summary": "Una ficha.",
            "format": "activity",
            "material_language": "es",
            "duration_minutes": "40",
            "objectives": rich_text("<p>Conversar.</p>"),
            "materials_needed": rich_text(""),
            "session_plan": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Inicio",
                            "minutes": "40",
                            "instructions": rich_text("<p>Hablar.</p>"),
                        },
                    )
                ]
            ),
            "downloads": streamfield([]),
            "related_campaigns": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "1",
        }
    )
    # Checkboxes: one value per ticked box.
    data["audiences"] = ["teachers", "officials"]
    response = admin_client.post(
        f"/admin/pages/add/campaigns/dialoguematerialpage/{library.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = DialogueMaterialPage.objects.get(slug="ficha-nueva")
    assert page.audiences == ["teachers", "officials"]
    assert page.plan_minutes == 40


def test_editor_sees_the_audiences_ticked(admin_client, library):
    page = material(library, audiences=["youth", "media"])
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    ticked = re.findall(r'name="audiences" value="(\w+)"[^>]*checked', html)
    assert ticked == ["youth", "media"]
