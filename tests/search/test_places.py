"""The corridor's gazetteer: towns by any of their names, and distances."""

import pytest

from search.places import TOWNS, distance_km, nearest_towns, split_towns, town_named


@pytest.mark.parametrize(
    ("typed", "town"),
    [
        ("Ixtepec", "Ciudad Ixtepec"),
        ("ciudad ixtepec", "Ciudad Ixtepec"),
        ("San Cristobal", "San Cristóbal de las Casas"),
        ("juchitan", "Juchitán de Zaragoza"),
        ("TUXTLA", "Tuxtla Gutiérrez"),
        ("Suchiate", "Ciudad Hidalgo"),
    ],
)
def test_a_town_is_found_by_a_short_name_without_accents(typed, town):
    assert town_named(typed).name == town


def test_the_towns_named_in_a_query_are_taken_out_of_it():
    towns, rest = split_towns("albergue en San Cristóbal de las Casas")
    assert [town.name for town in towns] == ["San Cristóbal de las Casas"]
    assert rest == "albergue en"
    towns, rest = split_towns("comedor tapachula o huixtla")
    assert [town.name for town in towns] == ["Tapachula", "Huixtla"]
    assert rest == "comedor o"


def test_every_corridor_town_is_in_its_state():
    """DOMAIN's places, each inside the bounding box of southern Mexico."""
    assert {town.state for town in TOWNS} == {"chiapas", "oaxaca", "tabasco"}
    for town in TOWNS:
        assert 14 < town.latitude < 19 and -97.5 < town.longitude < -90.5, town


def test_distances_and_nearest_towns():
    tapachula, huixtla = town_named("Tapachula"), town_named("Huixtla")
    km = distance_km(
        tapachula.latitude, tapachula.longitude, huixtla.latitude, huixtla.longitude
    )
    assert 30 < km < 38  # about 34 km by air (41 by road)
    nearest = nearest_towns(14.91, -92.26, count=2)
    assert [town.name for town in nearest] == ["Tapachula", "Ciudad Hidalgo"]
