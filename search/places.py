"""The transit corridor's towns (a small gazetteer): where each is, and the
names people call it by, so that "albergue en ixtepec" looks in Ciudad
Ixtepec and a visitor without a position can pick a town to search near."""

import math
from dataclasses import dataclass

from django.utils.text import slugify

from search.analysis import words

EARTH_KM = 6371.0


@dataclass(frozen=True)
class Town:
    name: str
    state: str
    latitude: float
    longitude: float
    #: Other names it is known by (short forms, the municipality's name).
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def slugs(self) -> set[str]:
        """The slugs its places may carry (its name or another name)."""
        return {slugify(name) for name in self.names}


TOWNS = (
    Town("Tapachula", "chiapas", 14.9056, -92.2636, ("Tapachula de Córdova",)),
    Town("Ciudad Hidalgo", "chiapas", 14.6797, -92.1503, ("Suchiate",)),
    Town("Tuxtla Chico", "chiapas", 14.9403, -92.1681),
    Town("Cacahoatán", "chiapas", 14.9917, -92.1653),
    Town("Huixtla", "chiapas", 15.1394, -92.4653),
    Town("Escuintla", "chiapas", 15.3172, -92.6578),
    Town("Mapastepec", "chiapas", 15.4336, -92.8997),
    Town("Pijijiapan", "chiapas", 15.6867, -93.2092),
    Town("Arriaga", "chiapas", 16.2361, -93.8989),
    Town("Tonalá", "chiapas", 16.0889, -93.7514),
    Town("Tuxtla Gutiérrez", "chiapas", 16.7531, -93.1156, ("Tuxtla",)),
    Town(
        "San Cristóbal de las Casas",
        "chiapas",
        16.7370,
        -92.6376,
        ("San Cristóbal", "San Cris", "Sancris"),
    ),
    Town("Comitán de Domínguez", "chiapas", 16.2510, -92.1342, ("Comitán",)),
    Town("Frontera Comalapa", "chiapas", 15.6617, -92.1367, ("Comalapa",)),
    Town("Palenque", "chiapas", 17.5092, -91.9825),
    Town("Ciudad Ixtepec", "oaxaca", 16.5636, -95.1019, ("Ixtepec",)),
    Town("Juchitán de Zaragoza", "oaxaca", 16.4336, -95.0194, ("Juchitán",)),
    Town("Matías Romero", "oaxaca", 16.8797, -95.0386),
    Town("San Pedro Tapanatepec", "oaxaca", 16.3639, -94.1975, ("Tapanatepec",)),
    Town("Chahuites", "oaxaca", 16.2889, -94.1922),
    Town("Salina Cruz", "oaxaca", 16.1669, -95.2000),
    # Not "Oaxaca" alone: that is the state.
    Town("Oaxaca de Juárez", "oaxaca", 17.0606, -96.7253),
    Town("Tenosique", "tabasco", 17.4719, -91.4233, ("Tenosique de Pino Suárez",)),
    Town("Villahermosa", "tabasco", 17.9892, -92.9475),
    Town("Balancán", "tabasco", 17.8069, -91.5361),
    Town("Emiliano Zapata", "tabasco", 17.7406, -91.7658),
)

# Each name as its folded words, longest first (so "San Cristóbal de las
# Casas" wins over "San Cristóbal").
_NAMES = sorted(
    ((tuple(words(name)), town) for town in TOWNS for name in town.names),
    key=lambda entry: -len(entry[0]),
)


def town_named(name: str) -> Town | None:
    """The town called ``name`` (any of its names, accents optional)."""
    wanted = tuple(words(name))
    return next((town for form, town in _NAMES if form == wanted), None)


def split_towns(text: str) -> tuple[list[Town], str]:
    """The towns named in ``text``, and the rest of it."""
    found, rest = [], words(text)
    at = 0
    while at < len(rest):
        for form, town in _NAMES:
            if tuple(rest[at : at + len(form)]) == form:
                if town not in found:
                    found.append(town)
                del rest[at : at + len(form)]
                break
        else:
            at += 1
    return found, " ".join(rest)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def bounding_box(latitude, longitude, km):
    """Latitude and longitude bounds around a point (a coarse SQL filter
    before the exact distance)."""
    dlat = math.degrees(km / EARTH_KM)
    cos = max(math.cos(math.radians(latitude)), 1e-6)
    dlon = min(180.0, math.degrees(km / (EARTH_KM * cos)))
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon


def nearest_towns(latitude: float, longitude: float, count: int = 3) -> list[Town]:
    """The corridor's towns closest to a point, nearest first."""

    def away(town: Town) -> float:
        return distance_km(latitude, longitude, town.latitude, town.longitude)

    return sorted(TOWNS, key=away)[:count]
