"""The directory page's search: the visitor's words (``q``), the filters
(``estado``, ``municipio``, ``tipo``, ``poblacion``, ``idioma``,
``abierto``), a place to search near (``cerca``: a town of the corridor;
or ``lat``/``lon`` from the phone, asked only on a tap) within ``radio``
km, and the order (``orden``), read into one query of the search app's
interface (:mod:`search.engine`). The same parameter names on /es/ and
/en/. Unknown or malformed values are ignored, never an error; text is
read as every query is (:mod:`convivir.common.inputs`: no NUL, numbers in
ASCII digits).

Each filter shows its choices with how many services each would give under
the other choices, and no choice that would give none."""

from dataclasses import replace
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from convivir import pagecache
from convivir.common import iso639
from convivir.common.choices import State
from convivir.common.inputs import query_text, whole_number
from directory.models.organizations import Location
from directory.models.services import SERVICES_KIND, Service
from directory.models.taxonomy import POPULATIONS, SERVICE_TYPES, TaxonomyTerm
from search import engine
from search.places import TOWNS, nearest_towns
from search.query import DISTANCE, NAME, RELEVANCE, Query, valid_point

# Parameter → facet of the search interface, in display order.
PARAMETERS = {
    "tipo": "type",
    "municipio": "town",
    "estado": "state",
    "poblacion": "population",
    "idioma": "language",
}
LEGENDS = {
    "type": _("Type of help"),
    "town": _("Town"),
    "state": _("State"),
    "population": _("Who it is for"),
    "language": _("Languages spoken"),
}
RADII = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
ORDERS = {"relevancia": RELEVANCE, "distancia": DISTANCE, "nombre": NAME}
PER_PAGE = 20
MAX_STOPS = 6
ROUTE_SLOTS = 4


def vocabulary() -> dict[str, TaxonomyTerm]:
    """The types of help and the populations, by code, kept until a
    directory record changes."""

    def build():
        return {
            term.code: term
            for term in TaxonomyTerm.objects.filter(
                taxonomy__key__in=[SERVICE_TYPES, POPULATIONS]
            ).select_related("taxonomy")
        }

    return pagecache.kept("directory:vocabulary", build, areas=("directory",))


def town_names() -> dict[str, str]:
    """Each town of the directory's places by its slug, kept until a
    directory record changes."""

    def build():
        return dict(
            Location.objects.exclude(town="")
            .values_list("town", "municipality")
            .distinct()
        )

    return pagecache.kept("directory:town-names", build, areas=("directory",))


def corridor_towns() -> list[tuple[str, str]]:
    """The gazetteer's towns as ``(slug, name)``, for the town picker."""
    return sorted(((town.slug, town.name) for town in TOWNS), key=lambda t: t[1])


def _town(slug: str):
    return next((town for town in TOWNS if town.slug == slug), None)


def _page_number(value) -> int:
    number = whole_number(value)
    return number if number is not None else 1


class DirectorySearch:
    """One search of the directory from a GET ``params``; ``town`` fixes
    the town (a town's page)."""

    def __init__(self, params, town: str = "", per_page: int = PER_PAGE):
        self.params = params
        self.terms = vocabulary()
        filters = {
            facet: [query_text(value) for value in params.getlist(name)]
            for name, facet in PARAMETERS.items()
        }
        if town:
            filters["town"] = []  # not the visitor's to choose here
        known = self._known(filters)
        if town:
            # A town's page: its town, whatever it holds (no services: no
            # results), never the whole directory under its name.
            known["town"] = [town]
        self.text = query_text(params.get("q"))
        self.near_town = _town(params.get("cerca", ""))
        near = None
        if self.near_town:
            near = (self.near_town.latitude, self.near_town.longitude)
        elif valid_point(params.get("lat"), params.get("lon")):
            near = (float(params["lat"]), float(params["lon"]))
        radius = whole_number(params.get("radio"))
        self.radius = radius if radius in RADII else DEFAULT_RADIUS
        self.query = Query(
            text=self.text,
            filters=known,
            open_now=params.get("abierto") == "1",
            near=near,
            radius_km=self.radius,
            sort=ORDERS.get(params.get("orden", ""), ""),
            page=_page_number(params.get("page", 1)),
            per_page=per_page,
        )
        #: The towns of a route, in the order given (``ruta``, repeated).
        self.route = list(
            dict.fromkeys(
                town
                for slug in params.getlist("ruta")[:MAX_STOPS]
                if (town := _town(slug))
            )
        )
        self.results = engine.search(SERVICES_KIND, self.query)

    def _known(self, filters) -> dict[str, list[str]]:
        """The chosen values that are among a filter's possible choices."""
        towns = (
            set(
                Location.objects.filter(
                    town__in=filters["town"][:20],
                    service_at_locations__service__in=Service.objects.public(),
                ).values_list("town", flat=True)
            )
            if filters["town"]
            else set()
        )
        kinds = {"type": SERVICE_TYPES, "population": POPULATIONS}
        known = {
            "state": lambda value: value in State.values,
            "town": lambda value: value in towns,
            "language": iso639.is_known,
        }
        for facet, taxonomy in kinds.items():
            known[facet] = lambda value, taxonomy=taxonomy: (
                value in self.terms and self.terms[value].taxonomy.key == taxonomy
            )
        return {
            facet: [value for value in values if known[facet](value)]
            for facet, values in filters.items()
        }

    # -- What the page shows --

    def services(self) -> list[Service]:
        """The page's services in the results' order, each with its
        ``distance_km``."""
        return _resolve(self.results.hits)[0]

    def stops(self) -> list[dict]:
        """Along a route of two towns or more: each town's services within
        the radius, town by town in the route's order (a service near two
        towns at the first), filtered like the search."""
        if len(self.route) < 2:
            return []
        query = replace(self.query, near=None, page=1, per_page=PER_PAGE)
        stops = engine.route(SERVICES_KIND, query, self.route)
        grouped = _resolve(*(stop.results.hits for stop in stops))
        return [
            {"town": stop.town, "services": services}
            for stop, services in zip(stops, grouped, strict=True)
        ]

    def route_slots(self) -> list[str]:
        """The route's town pickers: the chosen towns, then empty ones."""
        chosen = [town.slug for town in self.route]
        return (chosen + [""] * ROUTE_SLOTS)[: max(ROUTE_SLOTS, len(chosen))]

    def chosen_terms(self) -> list:
        """The service types and populations chosen in the filters."""
        return [
            self.terms[code]
            for facet in ("type", "population")
            for code in self.query.chosen(facet)
            if code in self.terms
        ]

    def _labels(self, facet, values) -> dict[str, str]:
        if facet in ("type", "population"):
            return {v: self.terms[v].name for v in values if v in self.terms}
        if facet == "state":
            return dict(State.choices)
        if facet == "language":
            return {value: iso639.name(value) for value in values}
        names = town_names()
        return {value: names[value] for value in values if value in names}

    def groups(self) -> list[dict]:
        """Each filter with its choices that would show services."""
        return self._groups

    @cached_property
    def _groups(self) -> list[dict]:
        groups = []
        for name, facet in PARAMETERS.items():
            counts = self.results.facets.get(facet, {})
            chosen = self.query.chosen(facet)
            labels = self._labels(facet, set(counts) | set(chosen))
            choices = [
                {
                    "value": value,
                    "label": labels.get(value, value),
                    "count": counts.get(value, 0),
                    "checked": value in chosen,
                }
                for value in labels
                if counts.get(value) or value in chosen
            ]
            if facet in ("type", "population"):
                order = list(self.terms)
                choices.sort(key=lambda c: order.index(c["value"]))
            elif facet == "language":
                choices.sort(key=lambda c: (-c["count"], c["label"]))
            else:
                choices.sort(key=lambda c: c["label"])
            groups.append(
                {
                    "name": name,
                    "legend": LEGENDS[facet],
                    "multiple": True,
                    "chosen": chosen,
                    "choices": choices,
                }
            )
        return groups

    def towns(self) -> list[dict]:
        """The towns with services, by name (the town filter's choices)."""
        group = next(g for g in self.groups() if g["name"] == "municipio")
        return sorted(group["choices"], key=lambda choice: choice["label"])

    @property
    def chosen_count(self) -> int:
        return sum(len(values) for values in self.query.filters.values()) + (
            1 if self.query.open_now else 0
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.chosen_count or self.text or self.query.near)

    def querystring(self) -> str:
        query = self.params.copy()
        query.pop("page", None)
        return query.urlencode()

    def nearest_towns(self) -> list[dict]:
        """For an empty result: the towns where the same words find
        services, nearest first when there is a point, else by count."""
        wider = engine.search(SERVICES_KIND, Query(text=self.text, per_page=1))
        counts = wider.facets.get("town", {})
        names = self._labels("town", set(counts))
        towns = [
            {"slug": slug, "name": names.get(slug, slug), "count": count}
            for slug, count in counts.items()
        ]
        if self.query.near:
            order = [town.slug for town in nearest_towns(*self.query.near, 26)]
            towns.sort(
                key=lambda t: order.index(t["slug"]) if t["slug"] in order else 99
            )
        else:
            towns.sort(key=lambda t: -t["count"])
        return towns[:5]

    radii = RADII
    corridor = staticmethod(corridor_towns)


def _resolve(*lists_of_hits) -> list[list[Service]]:
    """Each list of hits as the public services they name, in the hits'
    order, each with its ``distance_km``; one query for all of them."""
    keys = [hit.key for hits in lists_of_hits for hit in hits]
    found = {
        str(service.pk): service
        for service in Service.objects.public().filter(pk__in=keys).for_listing()
    }
    resolved = []
    for hits in lists_of_hits:
        services = []
        for hit in hits:
            if service := found.get(hit.key):
                service.distance_km = hit.distance_km
                services.append(service)
        resolved.append(services)
    return resolved
