"""The corridor's gazetteer: towns by any of their names, and distances."""

import pytest

from search.places import (
    TOWNS,
    bounding_box,
    distance_km,
    nearest_towns,
    split_towns,
    town_named,
)


@pytest.mark.parametrize(
    ("typed", "town"),
    [
        ("Ixtepec", "Ciudad Ixtepec"),
        ("ciudad ixtepec", "Ciudad Ixtepec"),
        ("San Cristobal", "San Cristóbal de las Casas"),
        ("juchitan", "Juchitán de Zaragoza"),
        ("TUXTLA", "Tuxtla Gutiérrez"),
        ("Suchiate", "Ciudad Hidalgo"),
        ("sancris", "San Cristóbal de las Casas"),
        ("Tuxtla Chico", "Tuxtla Chico"),
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


def test_an_unknown_name_or_a_state_is_no_town():
    assert town_named("Monterrey") is None
    assert town_named("Oaxaca") is None  # the state; its capital is "Oaxaca de Juárez"
    towns, rest = split_towns("albergue en tuxtla chico")
    assert [town.name for town in towns] == ["Tuxtla Chico"] and rest == "albergue en"


# Each state's bounding box (latitude, longitude), generously rounded.
STATE_BOXES = {
    "chiapas": ((14.5, 18.0), (-94.2, -90.3)),
    "oaxaca": ((15.6, 18.7), (-98.6, -93.8)),
    "tabasco": ((17.2, 18.7), (-94.2, -91.0)),
}


def test_every_corridor_town_is_in_its_state():
    """DOMAIN's places, each inside its own state's box."""
    assert {town.state for town in TOWNS} == set(STATE_BOXES)
    for town in TOWNS:
        (south, north), (west, east) = STATE_BOXES[town.state]
        assert south < town.latitude < north and west < town.longitude < east, town


def test_distances_and_nearest_towns():
    tapachula, huixtla = town_named("Tapachula"), town_named("Huixtla")
    km = distance_km(
        tapachula.latitude, tapachula.longitude, huixtla.latitude, huixtla.longitude
    )
    assert 30 < km < 38  # about 34 km by air (41 by road)
    nearest = nearest_towns(14.91, -92.26, count=2)
    assert [town.name for town in nearest] == ["Tapachula", "Tuxtla Chico"]


def test_the_bounding_box_holds_every_point_within_the_radius():
    """The coarse SQL prefilter before the exact distance never drops a
    place that is within the radius."""
    south, north, west, east = bounding_box(16.56, -95.10, 25)
    for town in TOWNS:
        inside = south <= town.latitude <= north and west <= town.longitude <= east
        if distance_km(16.56, -95.10, town.latitude, town.longitude) <= 25:
            assert inside, town
    assert not south <= 17.99 <= north  # Villahermosa, far away
