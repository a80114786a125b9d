"""The query interface on the corpus: facet counts equal plain filtered
counts, distance order and radius, the route grouped town by town,
confidential places found by words and town but never placed, bad input
answered normally."""

import pytest

from directory.models.services import SERVICES_KIND, Service
from search import engine
from search.places import distance_km, town_named
from search.query import DISTANCE, FACETS, Query
from tests.search.conftest import names

TAPACHULA = town_named("Tapachula")


def _plain_count(facet, value, base):
    """How many public services have ``value`` for ``facet`` among ``base``
    (a queryset), counted without the search index."""
    lookups = {
        "state": "service_at_locations__location__state",
        "town": "service_at_locations__location__town",
        "type": "service_types__code",
        "population": "populations__code",
    }
    if facet == "language":
        return sum(1 for s in base if value in s.languages)
    return base.filter(**{lookups[facet]: value}).distinct().count()


@pytest.mark.parametrize(
    "filters",
    [{}, {"type": ["shelter"]}, {"state": ["chiapas"], "population": ["families"]}],
)
def test_facet_counts_equal_plain_filtered_counts(services, db, filters):
    results = engine.search(SERVICES_KIND, Query(filters=filters, per_page=50))
    for facet in FACETS:
        base = Service.objects.public()
        for other, values in filters.items():
            if other != facet:
                base = base.filter(
                    pk__in=Service.objects.filter(
                        **{
                            {
                                "type": "service_types__code__in",
                                "state": "service_at_locations__location__state__in",
                                "population": "populations__code__in",
                            }[other]: values
                        }
                    ).values("pk")
                )
        for value, count in results.facets[facet].items():
            assert count == _plain_count(facet, value, base), (facet, value)
    assert results.total == len(results.hits)


def test_near_a_point_sorts_by_distance_within_the_radius(services, db):
    results = engine.search(
        SERVICES_KIND,
        Query(
            near=(TAPACHULA.latitude, TAPACHULA.longitude), radius_km=60, per_page=50
        ),
    )
    distances = [hit.distance_km for hit in results.hits]
    assert distances == sorted(distances) and all(d <= 60 for d in distances)
    found = names(services, results.hits)
    # Huixtla is 36 km away, Ciudad Hidalgo 27 km: inside; Arriaga is not.
    assert "Centro de Salud Huixtla" in found and "Punto de carga y llamadas" in found
    assert "Comedor La Esperanza" not in found
    huixtla = results.hits[found.index("Centro de Salud Huixtla")]
    town = town_named("Huixtla")
    expected = distance_km(
        TAPACHULA.latitude, TAPACHULA.longitude, town.latitude, town.longitude
    )
    assert huixtla.distance_km == pytest.approx(expected, abs=0.1)
    narrow = engine.search(
        SERVICES_KIND,
        Query(near=(TAPACHULA.latitude, TAPACHULA.longitude), radius_km=5, per_page=50),
    )
    assert "Centro de Salud Huixtla" not in names(services, narrow.hits)


def test_words_and_distance_together(services, db):
    results = engine.search(
        SERVICES_KIND,
        Query(
            text="albergue",
            near=(TAPACHULA.latitude, TAPACHULA.longitude),
            radius_km=500,
            sort=DISTANCE,
            per_page=50,
        ),
    )
    found = names(services, results.hits)
    distances = [hit.distance_km for hit in results.hits]
    assert distances == sorted(distances)
    assert found.index("Albergue Belén") < found.index(
        "Casa del Migrante Hermanos en el Camino"
    )
    assert "Comedor San José" not in found


def test_confidential_places_are_found_by_words_and_town_never_placed(services, db):
    by_words = engine.search(SERVICES_KIND, Query(text="refugio para mujeres"))
    assert names(services, by_words.hits)[0] == "Refugio Violeta"
    assert by_words.hits[0].distance_km is None
    by_town = engine.search(SERVICES_KIND, Query(filters={"town": ["villahermosa"]}))
    assert "Refugio Violeta" in names(services, by_town.hits)
    villahermosa = town_named("Villahermosa")
    near = engine.search(
        SERVICES_KIND,
        Query(
            near=(villahermosa.latitude, villahermosa.longitude),
            radius_km=500,
            per_page=50,
        ),
    )
    found = names(services, near.hits)
    assert "Refugio Violeta" not in found
    assert "Centro de atención a víctimas de trata" not in found
    assert "Escuela sin fronteras" in found


def test_the_route_groups_services_town_by_town_in_order(services, db):
    towns = [
        town_named(n) for n in ("Tapachula", "Huixtla", "Arriaga", "Ciudad Ixtepec")
    ]
    stops = engine.route(SERVICES_KIND, Query(radius_km=10, per_page=50), towns)
    assert [stop.town.name for stop in stops] == [t.name for t in towns]
    grouped = [names(services, stop.results.hits) for stop in stops]
    assert "Albergue Belén" in grouped[0]
    assert grouped[1] == ["Centro de Salud Huixtla"]
    assert set(grouped[2]) == {"Comedor La Esperanza", "Ropero comunitario"}
    assert set(grouped[3]) == {
        "Casa del Migrante Hermanos en el Camino",
        "Transporte humanitario del Istmo",
    }
    # Filtered like any search.
    food = engine.route(
        SERVICES_KIND, Query(text="comida", radius_km=10, per_page=50), towns
    )
    assert [names(services, s.results.hits) for s in food][2] == [
        "Comedor La Esperanza"
    ]
    # A service near two towns is listed at the first.
    wide = engine.route(SERVICES_KIND, Query(radius_km=60, per_page=50), towns[:2])
    first, second = (set(names(services, s.results.hits)) for s in wide)
    assert "Centro de Salud Huixtla" in first and not first & second


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x" * 2000,
        '"',
        "*",
        "~",
        "(",
        "AND",
        "%",
        "_",
        "albergue (",
        "' OR 1=1 --",
        "a & b | !c",
        "\\",
        "<script>",
        "'albergue'",
        "niño:*",
    ],
)
def test_any_text_gives_a_normal_answer(services, db, text):
    results = engine.search(SERVICES_KIND, Query(text=text))
    assert results.total >= 0 and results.page == 1


def test_a_percent_or_underscore_is_not_a_wildcard(services, db):
    for text in ("%", "_", "%%", "a%b"):
        assert engine.search(SERVICES_KIND, Query(text=text)).total in (0, 21)
    assert engine.search(SERVICES_KIND, Query(text="zzq%")).total == 0


def test_impossible_positions_and_pages_are_ignored(services, db):
    assert Query(near=(500, 10)).near is None
    assert Query(near=(float("nan"), 0)).near is None
    results = engine.search(SERVICES_KIND, Query(page=99999, per_page=5))
    assert results.page == results.pages == 5 and len(results.hits) == 1
