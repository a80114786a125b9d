"""The one query interface: the directory page, the town pages and the
HSDS API ask :func:`search` (or :func:`route`, :func:`ranked_keys`) and get
:class:`~search.query.Results` from the backend the settings choose
(``ELASTICSEARCH_URL`` set → Elasticsearch, else the database)."""

from search.database import DatabaseBackend
from search.places import Town
from search.query import Query, Results, RouteStop
from search.results_cache import cached


def backend():
    return DatabaseBackend()


def search(kind: str, query: Query) -> Results:
    """The results of ``query`` (kept a few minutes in the cache, until the
    index changes: :mod:`search.results_cache`)."""
    return cached(kind, query, lambda: backend().search(kind, query))


def ranked_keys(kind: str, query: Query, limit: int = 5_000) -> list[str]:
    """Every key that matches, best first (for a caller that filters and
    pages on its own, as the HSDS API does)."""
    return backend().ranked_keys(kind, query, limit)


def route(kind: str, query: Query, towns: list[Town]) -> list[RouteStop]:
    """The services within the query's radius of each town of a route, town
    by town in the route's order; a service near two towns is listed at the
    first. Each town's results are sorted by distance unless the query asks
    for another order."""
    stops, seen = [], set()
    for town in dict.fromkeys(towns):
        results = search(kind, query.with_town(town, query.radius_km))
        results.hits = [hit for hit in results.hits if hit.key not in seen]
        seen.update(hit.key for hit in results.hits)
        stops.append(RouteStop(town, results))
    return stops
