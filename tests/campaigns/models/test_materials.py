"""The dialogue-materials library (:mod:`campaigns.models.materials`): page
types, the material page in both languages, and the library's fixed number
of queries."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from campaigns.factories import DialogueMaterialPageFactory, ThemeFactory
from campaigns.models import DialogueMaterialIndexPage, DialogueMaterialPage
from convivir.models import HomePage
from tests.utils import SpanishEditorPageTestCase, add_child, translate_page

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


class TestPageTypes(SpanishEditorPageTestCase):
    """Editors create the library under the home page and materials under
    it, with the admin's own forms."""

    def test_library_under_home_and_materials_under_it(self):
        self.assertCanCreateAt(HomePage, DialogueMaterialIndexPage)
        self.assertCanCreateAt(DialogueMaterialIndexPage, DialogueMaterialPage)
        self.assertCanNotCreateAt(HomePage, DialogueMaterialPage)
        self.assertAllowedSubpageTypes(
            DialogueMaterialIndexPage, {DialogueMaterialPage}
        )
        self.assertAllowedSubpageTypes(DialogueMaterialPage, set())

    def test_an_editor_creates_the_library_and_a_material(self):
        self.assertCanCreate(
            self.home,
            DialogueMaterialIndexPage,
            nested_form_data(
                {
                    "title": "Materiales para el diálogo",
                    "slug": "materiales",
                    "intro": rich_text("<p>Guías y fichas.</p>"),
                }
            ),
        )
        library = DialogueMaterialIndexPage.objects.get(slug="materiales", live=True)
        self.assertPageIsRenderable(library)
        data = nested_form_data(
            {
                "title": "Mapa de nuestras migraciones",
                "slug": "mapa",
                "summary": "Una ficha.",
                "format": "activity",
                "material_language": "es",
                "duration_minutes": "45",
                "objectives": rich_text("<p>Conversar.</p>"),
                "materials_needed": rich_text(""),
                "session_plan": streamfield(
                    [
                        (
                            "step",
                            {
                                "title": "Bienvenida",
                                "minutes": "45",
                                "instructions": rich_text("<p>Ronda.</p>"),
                            },
                        )
                    ]
                ),
                "downloads": streamfield([]),
                "related_campaigns": streamfield([]),
            }
        )
        data["audiences"] = ["youth"]
        self.assertCanCreate(library, DialogueMaterialPage, data)
        material = DialogueMaterialPage.objects.get(slug="mapa", live=True)
        self.assertPageIsRenderable(material)
        self.assertContains(self.client.get(material.url), "Bienvenida")


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


def test_library_queries_do_not_grow_with_materials(client, library, school_theme):
    for n in range(3):
        material(library, title=f"M{n}", slug=f"m{n}", themes=[school_theme])
    client.get(library.url)
    with CaptureQueriesContext(connection) as few:
        client.get(library.url)
    for n in range(3, 40):
        material(library, title=f"M{n}", slug=f"m{n}", themes=[school_theme])
    # Publishing changed the content: the site's parts are read again once.
    client.get(library.url)
    with CaptureQueriesContext(connection) as many:
        client.get(library.url)
    assert len(many) == len(few)
