"""The database backend's search on PostgreSQL: one statement per search.

The entries that match the words, the hours and the distance are worked
out once (a materialised ``WITH``); from them, in the same statement, the
total, the page in order and the counts of every facet (a chosen facet's
counts under the other facets' choices), so a search is one round trip
whatever it asks.

- Words: the GIN-indexed ``tsvector`` (migration 0002). The score is the
  one :mod:`search.database` gives on SQLite, read off the same
  ``tsvector`` through its weights (A the title, B the body).
- Facets: the entry's ``facet_set`` array (migration 0003), unnested for
  the counts.
- Distance: haversine over the places in the bounding box (an index on
  latitude and longitude), the nearest place of each entry.
- Order: ``COLLATE "C"`` on the folded name, the order Python gives on
  SQLite."""

import json

from django.db import connection

from search.models import Entry, Opening, Place
from search.places import EARTH_KM, bounding_box
from search.query import DISTANCE, FACETS, NAME, WEEK, Query, week_minute
from search.reading import Reading
from search.stored import BODY_WEIGHT, EXACT_WEIGHT, TITLE_WEIGHT, forms, token

ENTRY, PLACE, OPENING = (m._meta.db_table for m in (Entry, Place, Opening))


def _phrase(stems, prefix: bool, weight: str = "") -> str:
    ending = (":*" + weight) if prefix else (f":{weight}" if weight else "")
    return "(" + " <-> ".join(f"'{stem}'{ending}" for stem in stems) + ")"


def tsquery(reading: Reading, every: bool, weight: str = "") -> str:
    """The words as a ``tsquery``: every clause (or any), each by any of
    its forms. The stems come from :mod:`search.analysis` (letters and
    digits only) and are passed as one parameter."""
    clauses = [_clause(clause, weight) for clause in reading.clauses]
    return (" & " if every else " | ").join(clauses)


def _clause(clause, weight: str = "") -> str:
    return (
        "("
        + " | ".join(_phrase(form, clause.prefix, weight) for form in forms(clause))
        + ")"
    )


class Statement:
    """The SQL of one search and its parameters, built part by part."""

    def __init__(self):
        self.params: list = []

    def add(self, sql: str, *params) -> str:
        self.params += params
        return sql


def _score(statement: Statement, reading: Reading) -> str:
    if not reading.has_text:
        return "0"
    parts = []
    for clause in reading.clauses:
        exact = _phrase(clause.text.split(), False, "A")
        parts.append(
            statement.add(
                "(CASE WHEN e.document @@ to_tsquery('simple', %s) THEN "
                f"{EXACT_WEIGHT} "
                "WHEN e.document @@ to_tsquery('simple', %s) THEN "
                f"{TITLE_WEIGHT} "
                "WHEN e.document @@ to_tsquery('simple', %s) THEN "
                f"{BODY_WEIGHT} ELSE 0 END)",
                exact,
                _clause(clause, "A"),
                _clause(clause, "B"),
            )
        )
    return " + ".join(parts)


def _haversine(statement: Statement, query: Query) -> str:
    """The km from the query's point to a place ``p``."""
    latitude, longitude = query.near
    return statement.add(
        f"2 * {EARTH_KM} * asin(sqrt("
        "power(sin((radians(p.latitude) - radians(%s)) / 2), 2) "
        "+ cos(radians(%s)) * cos(radians(p.latitude)) "
        "* power(sin((radians(p.longitude) - radians(%s)) / 2), 2)))",
        latitude,
        latitude,
        longitude,
    )


def _in_box(statement: Statement, query: Query) -> str:
    """The places in the bounding box of the query's circle (an index on
    latitude and longitude), joined to the entries."""
    south, north, west, east = bounding_box(*query.near, query.radius_km)
    return statement.add(
        f"JOIN {PLACE} p ON p.entry_id = e.id "
        "AND p.latitude BETWEEN %s AND %s AND p.longitude BETWEEN %s AND %s",
        south,
        north,
        west,
        east,
    )


def _matching(statement, kind, hidden_before, query, reading, every, now) -> str:
    """The entries that match all but the facets, each with its score and,
    near a point, the km to its nearest place within the radius (only the
    places in the box of the entries that match are measured)."""
    score = _score(statement, reading)
    columns = f"e.key, e.sort_name, e.facet_set AS f, {score} AS score"
    join = ""
    if query.near:
        columns += f", min({_haversine(statement, query)}) AS km"
        join = _in_box(statement, query)
    else:
        columns += ", NULL::float AS km"
    conditions = [statement.add("e.kind = %s", kind)]
    if hidden_before is not None:
        conditions.append(statement.add("e.checked_at >= %s", hidden_before))
    if reading.has_text:
        conditions.append(
            statement.add(
                "e.document @@ to_tsquery('simple', %s)", tsquery(reading, every)
            )
        )
    if query.open_now:
        minute = week_minute(now)
        conditions.append(
            statement.add(
                "NOT e.closed AND (e.always_open OR EXISTS (SELECT 1 FROM "  # noqa: S608
                f"{OPENING} o WHERE o.entry_id = e.id AND ("
                '(o.start <= %s AND o."end" > %s) '
                'OR (o.start <= %s AND o."end" > %s))))',
                minute,
                minute,
                minute + WEEK,
                minute + WEEK,
            )
        )
    matching = (
        f"SELECT {columns} FROM {ENTRY} e {join} "  # noqa: S608
        f"WHERE {' AND '.join(conditions)}"
    )
    if not query.near:
        return matching
    within = statement.add("%s", query.radius_km)
    return f"SELECT * FROM ({matching} GROUP BY e.id) n WHERE km <= {within}"  # noqa: S608


def _chosen_sql(statement, chosen, skip=None) -> str:
    parts = [
        statement.add("f && %s::text[]", sorted(token(facet, v) for v in values))
        for facet, values in chosen.items()
        if facet != skip
    ]
    return " AND ".join(parts) or "TRUE"


ORDER = {
    DISTANCE: 'km, score DESC, sort_name COLLATE "C", key COLLATE "C"',
    NAME: 'sort_name COLLATE "C", key COLLATE "C"',
}
RELEVANCE_ORDER = 'score DESC, sort_name COLLATE "C", key COLLATE "C"'


def search(
    *, kind, hidden_before, query, reading, chosen, every, now, start, facets=True
):
    """``(total, [(key, score, km)], {facet: {value: count}})`` for one
    page from ``start``; a page past the end gives the last one."""
    statement = Statement()
    # The parts are built in the order they appear in the statement, as
    # their parameters are.
    matching = _matching(statement, kind, hidden_before, query, reading, every, now)
    steps = [f"m AS MATERIALIZED ({matching})"]
    if chosen:
        steps.append(
            f"hits AS (SELECT * FROM m WHERE {_chosen_sql(statement, chosen)})"  # noqa: S608
        )
    # Nothing chosen: the matches are the hits (no second copy of them).
    hits = "hits" if chosen else "m"
    contexts = list(chosen)
    order = ORDER.get(query.ordering(reading), RELEVANCE_ORDER)
    per_page = statement.add("%s", query.per_page)
    offset = statement.add(
        f"LEAST(%s, GREATEST(((SELECT count(*) FROM {hits}) - 1) / %s, 0) * %s)",  # noqa: S608
        start,
        query.per_page,
        query.per_page,
    )
    selects = [
        f"(SELECT count(*) FROM {hits})",  # noqa: S608
        # Only the module's own SQL is formatted in; values are parameters.
        "(SELECT coalesce(json_agg(json_build_array(key, score, km) "  # noqa: S608
        f"ORDER BY {order}), '[]') FROM (SELECT key, score, km, sort_name "
        f"FROM {hits} ORDER BY {order} LIMIT {per_page} OFFSET {offset}) page)",
    ]
    if facets:
        selects.append(_counts(statement, chosen, contexts))
    sql = f"WITH {', '.join(steps)} SELECT {', '.join(selects)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, statement.params)
        total, page, *counted = cursor.fetchone()
    counts = {facet: {} for facet in FACETS}
    for name, *numbers in _json(counted[0]) if counted else ():
        facet, _, value = name.partition("=")
        # A chosen facet is counted under the others' choices alone.
        n = numbers[contexts.index(facet) + 1] if facet in chosen else numbers[0]
        if n:
            counts[facet][value] = n
    return total, [tuple(row) for row in _json(page)], counts


def _counts(statement, chosen, contexts) -> str:
    """Every facet value's count in one pass over the matching entries:
    each entry's values unnested with a flag per count, ``c0`` under all
    the choices, ``c1``… under all but each chosen facet's own (past the
    choices of all, only a chosen facet's own values count)."""
    conditions = [_chosen_sql(statement, chosen)] + [
        _chosen_sql(statement, chosen, skip=facet) for facet in contexts
    ]
    flags = ", ".join(f"{sql} AS c{i}" for i, sql in enumerate(conditions))
    wanted = " OR ".join(
        ["c0"]
        + [
            statement.add(f"(c{i} AND v LIKE %s)", f"{facet}=%")
            for i, facet in enumerate(contexts, start=1)
        ]
    )
    numbered = ", ".join(
        f"count(*) FILTER (WHERE c{i}) AS n{i}" for i in range(len(conditions))
    )
    columns = ", ".join(f"n{i}" for i in range(len(conditions)))
    columns_c = ", ".join(f"c{i}" for i in range(len(conditions)))
    # unnest() in the select list (one set-returning pass), not per row.
    return (
        f"(SELECT coalesce(json_agg(json_build_array(v, {columns})), '[]') "  # noqa: S608
        f'FROM (SELECT v COLLATE "C" AS v, {numbered} FROM '
        f"(SELECT unnest(f) AS v, {columns_c} FROM "
        # Each entry's flags worked out once, not once per value (OFFSET 0
        # keeps the planner from folding them into the unnest).
        f"(SELECT f, {flags} FROM m OFFSET 0) e) u "
        f"WHERE {wanted} GROUP BY 1) c)"
    )


def _json(value):
    return json.loads(value) if isinstance(value, str) else value
