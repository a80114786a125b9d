"""What the one query interface (:mod:`search.engine`) is asked and
answers, the same for every backend.

A :class:`Query` is what a visitor asked for, already checked: unknown or
malformed values are dropped by the caller that reads the address (never
an error), so any address gives a normal page, and the text and the
filters' values lose their NUL characters here, whoever built the query."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.paginator import Page, Paginator

from convivir.common.inputs import query_text
from search.places import Town
from search.reading import Reading

#: The facets every backend counts, in display order.
FACETS = ("state", "town", "type", "population", "language")
DEFAULT_RADIUS_KM = 25.0
MAX_RADIUS_KM = 500.0
MAX_PAGE = 10_000
RELEVANCE, DISTANCE, NAME = "relevance", "distance", "name"
#: Opening hours are minutes from Monday 00:00 in the corridor's time.
WEEK = 7 * 1440
MEXICO_CITY = ZoneInfo("America/Mexico_City")


def week_minute(moment: datetime) -> int:
    """Minutes from Monday 00:00, Mexico City time, at ``moment``."""
    local = moment.astimezone(MEXICO_CITY)
    return local.weekday() * 1440 + local.hour * 60 + local.minute


@dataclass(frozen=True)
class Query:
    text: str = ""
    #: Chosen facet values by facet name (:data:`FACETS`).
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    open_now: bool = False
    near: tuple[float, float] | None = None
    radius_km: float = DEFAULT_RADIUS_KM
    sort: str = ""
    page: int = 1
    per_page: int = 20

    def __post_init__(self):
        # Every backend gets text it can send as it is: PostgreSQL refuses
        # a NUL in any string, and nobody means one.
        object.__setattr__(self, "text", query_text(self.text))
        filters = {
            name: tuple(
                dict.fromkeys(
                    text for v in self.filters.get(name, ()) if (text := query_text(v))
                )
            )
            for name in FACETS
        }
        object.__setattr__(self, "filters", filters)
        object.__setattr__(self, "page", max(1, min(MAX_PAGE, int(self.page))))
        radius = self.radius_km if math.isfinite(self.radius_km) else 0
        object.__setattr__(self, "radius_km", max(0.1, min(MAX_RADIUS_KM, radius)))
        if self.near is not None and not valid_point(*self.near):
            object.__setattr__(self, "near", None)

    def chosen(self, name: str) -> tuple[str, ...]:
        return self.filters[name]

    def ordering(self, reading: Reading) -> str:
        """The sort asked for, if it can be done; else distance for a
        search near a point without words, relevance with words, name."""
        if self.sort == DISTANCE and self.near:
            return DISTANCE
        if self.sort == NAME:
            return NAME
        if self.sort == RELEVANCE and reading.has_text:
            return RELEVANCE
        if reading.has_text:
            return RELEVANCE
        return DISTANCE if self.near else NAME

    def with_town(self, town: Town, radius_km: float) -> "Query":
        return replace(self, near=(town.latitude, town.longitude), radius_km=radius_km)


def valid_point(latitude, longitude) -> bool:
    try:
        latitude, longitude = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return False
    return (
        math.isfinite(latitude)
        and math.isfinite(longitude)
        and -90 <= latitude <= 90
        and -180 <= longitude <= 180
    )


@dataclass(frozen=True)
class Hit:
    key: str
    score: float = 0.0
    #: Kilometres from the query's point to the nearest place that may be
    #: shown on a map; None without a point (or for a confidential place).
    distance_km: float | None = None


@dataclass
class Results:
    query: Query
    reading: Reading
    hits: list[Hit]
    total: int
    #: Counts by facet and value, each under every other chosen filter.
    facets: dict[str, dict[str, int]]
    #: The page served (the last one when a later one was asked for).
    page: int = 1
    #: No entry matched every word: these match some of them.
    partial: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.per_page))

    def page_obj(self, items=None) -> Page:
        """A Django :class:`~django.core.paginator.Page` of ``items`` (by
        default the hits) for the pagination links."""
        items = self.hits if items is None else items
        paginator = Paginator(_Served(self.total, items), self.query.per_page)
        return paginator.page(self.page)


class _Served(Sequence):
    """The total's length, holding only the page that was served."""

    def __init__(self, total, items):
        self.total, self.items = total, list(items)

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.items
        raise IndexError(index)


@dataclass
class RouteStop:
    town: Town
    results: Results
