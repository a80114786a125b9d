"""The directory's demo: about forty services along the corridor in both
languages, a few confidential (with no address in public), a few stale."""

import pytest

from convivir.models import MainMenuItem
from directory.demo import ENTRIES
from directory.models import Location, Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site):
    """The demo site, built once for the run (see tests/conftest.py)."""
    return demo_site


def test_demo_entries_along_the_corridor(demo, client):
    assert Service.objects.count() == len(ENTRIES) >= 40
    assert Location.objects.filter(is_confidential=True).count() == 3
    stale = [s for s in Service.objects.public() if s.is_stale()]
    assert len(stale) >= 3
    assert Service.objects.public().count() == len(ENTRIES) - 1  # one hidden
    towns = set(Location.objects.values_list("municipality", flat=True))
    assert {"Tapachula", "Tenosique", "Ciudad Ixtepec", "Villahermosa"} <= towns
    assert len(towns) == 12


def test_demo_pages_in_both_languages(demo, client):
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert "Albergue San Juan" in html
    html = client.get("/en/find-help/").content.decode()
    assert "Find help</h1>" in html and "Shelter" in html
    html = client.get("/es/buscar-ayuda/servicio/refugio-mariposas/").content.decode()
    assert "la dirección se da por teléfono" in html and "Calle " not in html
    html = client.get("/es/").content.decode()
    assert "Busca ayuda cerca de ti" in html
    assert MainMenuItem.objects.filter(label="Buscar ayuda", sort_order=1).exists()
    assert MainMenuItem.objects.filter(label="Find help", sort_order=1).exists()


def test_demo_status_is_reported_for_shelters_only(demo, client):
    for service in Service.objects.prefetch_related("service_types"):
        assert (service.status_changed_at is not None) == service.takes_people_in()
    html = client.get("/es/buscar-ayuda/").content.decode()
    assert "Hay lugar" in html and "Lleno" in html
    html = client.get(
        "/es/buscar-ayuda/servicio/albergue-padre-angel/"
    ).content.decode()
    assert 'role="alert"' in html and "Cerrado por reparaciones" in html


def test_demo_shows_the_new_fields_in_english(demo, client):
    html = client.get("/en/find-help/service/albergue-san-juan/").content.decode()
    assert "<h1>Saint John Shelter</h1>" in html
    assert "A place to stay for up to three nights" in html
    html = client.get("/en/find-help/service/albergue-tsomanotik/").content.decode()
    assert '<h1><span lang="es">Albergue Tsomanotik</span></h1>' in html
    assert "Tsotsil, Tseltal" in html
    html = client.get(
        "/en/find-help/service/asesoria-juridica-defensoria-sur/"
    ).content.decode()
    assert "Interpretation" in html and " · Fax</li>" in html
    html = client.get("/en/find-help/service/espacio-amigable-para-la-ninez/")
    assert "Up to 17 years" in html.content.decode()
