"""The material page's admin form (:mod:`campaigns.admin.forms`): audiences
as check boxes."""

import re

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from campaigns.factories import DialogueMaterialPageFactory
from campaigns.models import DialogueMaterialPage
from tests.utils import add_child

pytestmark = pytest.mark.django_db


def material(library, **fields):
    themes = fields.pop("themes", [])
    page = DialogueMaterialPageFactory.build(**fields)
    page.themes = themes
    return add_child(library, page)


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
        reverse(
            "wagtailadmin_pages:add",
            args=["campaigns", "dialoguematerialpage", library.pk],
        ),
        data,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = DialogueMaterialPage.objects.get(slug="ficha-nueva")
    assert page.audiences == ["teachers", "officials"]
    assert page.plan_minutes == 40


def test_editor_sees_the_audiences_ticked(admin_client, library):
    page = material(library, audiences=["youth", "media"])
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()
    ticked = re.findall(r'name="audiences" value="(\w+)"[^>]*checked', html)
    assert ticked == ["youth", "media"]
