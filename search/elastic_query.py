"""The request bodies the Elasticsearch backend sends for a
:class:`~search.query.Query`, and the reading of the answers: built as
plain dicts so each kind of request can be checked without a server.

- Words: every word must match (``operator: and``) through the search
  analyser (synonyms, stems), or, in a second request when nothing does,
  any of them; the same words also match with ``fuzziness: AUTO`` through
  the index analyser (typos; fuzziness does not combine with a synonym
  graph). Title above body (``title^3``). Words only of filler match all.
- Filters: kind, hidden before, open now (a range field holds each opening
  period), a distance (``geo_distance``) in the query; the facets' choices
  in ``post_filter``, so that each facet's terms aggregation counts under
  the other facets' choices only.
- Score: the text's, multiplied by a boost for "open now" and a decay on
  how recently the entry was verified (``function_score``).
- Order: relevance, distance (``_geo_distance``, whose value is also the
  hit's distance), name."""

from datetime import datetime

from search.query import DISTANCE, FACETS, NAME, WEEK, Hit, Query, Results, week_minute
from search.reading import Reading

FACET_SIZE = 200


def open_now_filter(now: datetime) -> dict:
    minute = week_minute(now)
    return {
        "bool": {
            "should": [
                {"term": {"always_open": True}},
                {"term": {"openings": minute}},
                {"term": {"openings": minute + WEEK}},
            ],
            "minimum_should_match": 1,
            "must_not": [{"term": {"closed": True}}],
        }
    }


def text_query(text: str, every: bool) -> dict:
    operator = "and" if every else "or"
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": text,
                        "fields": ["title^3", "body"],
                        "operator": operator,
                        "zero_terms_query": "all",
                    }
                },
                {
                    "multi_match": {
                        "query": text,
                        "fields": ["title^3", "body"],
                        "operator": operator,
                        "analyzer": "convivir_index",
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "zero_terms_query": "all",
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def _chosen(query: Query, reading: Reading) -> dict[str, list[str]]:
    chosen = {facet: list(query.chosen(facet)) for facet in FACETS}
    for town in reading.towns:
        chosen["town"] += sorted(town.slugs - set(chosen["town"]))
    return {facet: values for facet, values in chosen.items() if values}


def _facet_filters(chosen, skip=None) -> list[dict]:
    return [
        {"terms": {facet: values}} for facet, values in chosen.items() if facet != skip
    ]


def _point(query: Query) -> dict:
    return {"lat": query.near[0], "lon": query.near[1]}


def request_body(
    kind: str,
    query: Query,
    reading: Reading,
    text: str,
    *,
    every: bool = True,
    now: datetime,
    hidden_before: datetime | None = None,
    page: int | None = None,
) -> dict:
    """The search request for one page of ``query`` (``text``: the words
    without the towns named in them)."""
    filters = [{"term": {"kind": kind}}]
    if hidden_before is not None:
        filters.append({"range": {"checked_at": {"gte": hidden_before.isoformat()}}})
    if query.open_now:
        filters.append(open_now_filter(now))
    if query.near:
        filters.append(
            {
                "geo_distance": {
                    "distance": f"{query.radius_km:g}km",
                    "location": _point(query),
                }
            }
        )
    must = [text_query(text, every)] if reading.has_text else [{"match_all": {}}]
    scored = {
        "function_score": {
            "query": {"bool": {"must": must, "filter": filters}},
            "functions": [
                {"filter": open_now_filter(now), "weight": 1.2},
                {
                    "gauss": {
                        "checked_at": {
                            "origin": now.isoformat(),
                            "scale": "90d",
                            "decay": 0.5,
                        }
                    },
                    "weight": 0.5,
                },
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }
    chosen = _chosen(query, reading)
    ordering = query.ordering(reading)
    sort = {
        DISTANCE: [],
        NAME: [{"sort_name": "asc"}, {"key": "asc"}],
    }.get(ordering, ["_score", {"sort_name": "asc"}, {"key": "asc"}])
    if query.near:
        distance = {
            "_geo_distance": {
                "location": _point(query),
                "order": "asc",
                "unit": "km",
                "distance_type": "arc",
            }
        }
        sort = (
            [distance, "_score", {"sort_name": "asc"}]
            if ordering == DISTANCE
            else [
                *sort,
                distance,
            ]
        )
    number = page or query.page
    body = {
        "query": scored,
        "post_filter": {"bool": {"filter": _facet_filters(chosen)}},
        "aggs": {
            facet: {
                "filter": {"bool": {"filter": _facet_filters(chosen, skip=facet)}},
                "aggs": {"values": {"terms": {"field": facet, "size": FACET_SIZE}}},
            }
            for facet in FACETS
        },
        "sort": sort,
        "from": (number - 1) * query.per_page,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": ["key"],
    }
    return body


def keys_body(kind, query, reading, text, *, every, now, hidden_before, limit) -> dict:
    """Every matching key, best first, without facets (the API's search)."""
    body = request_body(
        kind, query, reading, text, every=every, now=now, hidden_before=hidden_before
    )
    body.update({"from": 0, "size": limit})
    body["query"]["function_score"]["query"]["bool"]["filter"].append(
        body.pop("post_filter")
    )
    body.pop("aggs")
    return body


def hits(response: dict, query: Query, ordering: str) -> list[Hit]:
    """The hits, with the distance the ``_geo_distance`` sort gave (first
    in a distance order, last otherwise)."""
    found = []
    for hit in response["hits"]["hits"]:
        distance = None
        if query.near and hit.get("sort"):
            value = hit["sort"][0 if ordering == DISTANCE else -1]
            distance = round(float(value), 1)
        found.append(Hit(hit["_source"]["key"], hit.get("_score") or 0.0, distance))
    return found


def facets(response: dict) -> dict[str, dict[str, int]]:
    aggregations = response.get("aggregations", {})
    return {
        facet: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in aggregations.get(facet, {})
            .get("values", {})
            .get("buckets", [])
        }
        for facet in FACETS
    }


def results(response: dict, query: Query, reading: Reading, page: int, partial: bool):
    return Results(
        query=query,
        reading=reading,
        hits=hits(response, query, query.ordering(reading)),
        total=response["hits"]["total"]["value"],
        facets=facets(response),
        page=page,
        partial=partial,
    )
