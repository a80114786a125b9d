"""The database search backend (the default): the rows of
:mod:`search.models`, on SQLite and PostgreSQL alike.

Text: a query is read into clauses (:mod:`search.reading`); an entry must
match every clause (any of a concept's forms, as a phrase of stems), or,
when no entry does, at least one (the results say so). The score is the
same on both databases (:mod:`search.stored`); equal scores in name order.
Typos are corrected to a stem of the index (pg_trgm finds the candidates
on PostgreSQL, difflib compares them on both).

On PostgreSQL a search is one statement (:mod:`search.postgres`): the
GIN-indexed ``tsvector``, the counts in SQL, the page in SQL. Elsewhere
(SQLite, the embedded default) the matching rows are read once with
``LIKE`` on the same stems and counted, sorted and paged in Python.

Distance: haversine with a bounding-box prefilter, to each entry's nearest
place with coordinates (a confidential place has none). Facets: a count per
facet, each under the other facets' choices."""

from collections import Counter
from dataclasses import replace

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.db.models import (
    Value as V,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import ASin, Cos, Length, Power, Radians, Sin, Sqrt
from django.utils import timezone

from search import postgres
from search.analysis import fold, terms
from search.models import Entry, Opening, Place, Word
from search.places import EARTH_KM, bounding_box
from search.query import DISTANCE, FACETS, NAME, WEEK, Hit, Query, Results, week_minute
from search.reading import Reading, read
from search.registry import Document
from search.registry import kind as kind_named
from search.stored import (
    BODY_WEIGHT,
    EXACT_WEIGHT,
    PAD,
    TITLE_WEIGHT,
    facet_values,
    forms,
    padded,
    token,
)
from search.synonyms import CONCEPT_PREFIX, thesaurus

REBUILD_CHUNK = 500


def _padded(texts: list[str]) -> str:
    """The stems of ``texts``, then one token per concept they speak of (a
    concept is then matched as one word, by one index lookup)."""
    stems = [stem for text in texts if text for stem in terms(text)]
    tokens = [concept.token for concept in thesaurus().concepts_in(stems)]
    return padded(stems + list(dict.fromkeys(tokens)))


def _postgres() -> bool:
    return connection.vendor == "postgresql"


class DatabaseBackend:
    # -- Writing --

    def index(self, kind: str, keys: list[str], documents: list[Document]):
        """Replace the entries of ``keys`` by ``documents`` (a key without a
        document is removed)."""
        keys = [str(key) for key in keys]
        with transaction.atomic():
            Entry.objects.filter(kind=kind, key__in=keys).delete()
            entries = [
                Entry(
                    kind=kind,
                    key=document.key,
                    sort_name=fold(document.name)[:300],
                    title=_padded(document.title),
                    body=_padded(document.body),
                    facets=padded(
                        dict.fromkeys(
                            token(facet, value)
                            for facet, items in document.values.items()
                            for value in items
                        )
                    ),
                    always_open=document.always_open,
                    closed=document.closed,
                    checked_at=document.checked_at,
                )
                for document in documents
            ]
            Entry.objects.bulk_create(entries)
            if entries and entries[0].pk is None:  # backends without RETURNING
                ids = dict(
                    Entry.objects.filter(
                        kind=kind, key__in=[e.key for e in entries]
                    ).values_list("key", "pk")
                )
                for entry in entries:
                    entry.pk = ids[entry.key]
            places, openings, words = [], [], set()
            for entry, document in zip(entries, documents, strict=True):
                places += [
                    Place(entry_id=entry.pk, latitude=lat, longitude=lon)
                    for lat, lon in document.places
                ]
                openings += [
                    Opening(entry_id=entry.pk, start=start, end=end)
                    for start, end in document.openings
                ]
                words.update(
                    word
                    for word in (entry.title + entry.body).split()
                    if not word.startswith(CONCEPT_PREFIX)
                )
            Place.objects.bulk_create(places, batch_size=2000)
            Opening.objects.bulk_create(openings, batch_size=2000)
            Word.objects.bulk_create(
                [Word(word=word) for word in words if len(word) <= 60],
                ignore_conflicts=True,
                batch_size=2000,
            )

    def clear(self, kind: str):
        Entry.objects.filter(kind=kind).delete()

    def rebuild(self, kind: str, keys: list[str], progress) -> int:
        """Every entry of ``kind`` afresh, in one transaction."""
        documents_of = kind_named(kind).documents
        written = 0
        with transaction.atomic():
            self.clear(kind)
            for start in range(0, len(keys), REBUILD_CHUNK):
                chunk = keys[start : start + REBUILD_CHUNK]
                documents = documents_of(chunk)
                self.index(kind, chunk, documents)
                written += len(documents)
                progress(len(chunk))
        return written

    # -- Reading the words --

    def read(self, text: str) -> Reading:
        return read(text, self._suggest)

    def _suggest(self, stem: str) -> list[str]:
        if _postgres():
            return list(
                Word.objects.annotate(similarity=RawSQL("similarity(word, %s)", [stem]))
                .filter(RawSQL("word %% %s", [stem], output_field=BooleanField()))
                .order_by("-similarity")
                .values_list("word", flat=True)[:10]
            )
        # difflib's ratio reaches SIMILARITY only between words of
        # comparable length.
        return list(
            Word.objects.annotate(size=Length("word"))
            .filter(size__range=(len(stem) * 2 // 3, len(stem) * 3 // 2 + 1))
            .values_list("word", flat=True)
        )

    # -- Searching --

    def search(self, kind: str, query: Query, now=None) -> Results:
        """The page asked for (the last one past the end), the total and
        every facet's counts, from one evaluation of the words, the hours
        and the distance."""
        reading = self.read(query.text)
        total, rows, counts, every = self._evaluate(kind, query, reading, now)
        pages = max(1, -(-total // query.per_page))
        return Results(
            query=query,
            reading=reading,
            hits=[
                Hit(key, score, round(km, 1) if query.near else None)
                for key, score, km in rows
            ],
            total=total,
            facets=counts,
            page=min(query.page, pages),
            partial=not every,
        )

    def ranked_keys(self, kind: str, query: Query, limit: int) -> list[str]:
        reading = self.read(query.text)
        query = replace(query, page=1, per_page=limit)
        _total, rows, _counts, _every = self._evaluate(
            kind, query, reading, None, facets=False
        )
        return [key for key, _score, _km in rows]

    def _evaluate(self, kind, query, reading, now, facets=True):
        """``(total, [(key, score, km)], counts, every)``: every clause
        must match, or, when no entry matches them all, any."""
        now = now or timezone.now()
        chosen = _chosen(query, reading)
        hidden_before = kind_named(kind).hidden_before()
        evaluate = postgres.search if _postgres() else self._portable
        for every in (True, False):
            total, rows, counts = evaluate(
                kind=kind,
                hidden_before=hidden_before,
                query=query,
                reading=reading,
                chosen=chosen,
                every=every,
                now=now,
                start=(query.page - 1) * query.per_page,
                facets=facets,
            )
            if total or len(reading.clauses) < 2:
                break
        return total, rows, counts, every

    # -- Searching elsewhere (SQLite): the rows once, the rest in Python --

    def _portable(
        self, *, kind, hidden_before, query, reading, chosen, every, now, start, facets
    ):
        entries = Entry.objects.filter(kind=kind)
        if hidden_before is not None:
            entries = entries.filter(checked_at__gte=hidden_before)
        entries = _text(entries, reading, every)
        if query.open_now:
            entries = _open_now(entries, now)
        if query.near:
            entries = _near(entries, query)
        else:
            entries = entries.annotate(distance=V(None, output_field=FloatField()))
        rows = [
            (key, score, sort_name, facet_values(stored), km)
            for key, score, sort_name, stored, km in entries.values_list(
                "key", "score", "sort_name", "facets", "distance"
            )
        ]
        matching = [row for row in rows if _passes(row[3], chosen)]
        counts = {facet: {} for facet in FACETS}
        if facets:
            for facet in FACETS:
                pool = (
                    [row for row in rows if _passes(row[3], chosen, skip=facet)]
                    if facet in chosen
                    else matching
                )
                counts[facet] = dict(
                    Counter(value for row in pool for value in row[3].get(facet, ()))
                )
        matching.sort(key=_sort_key(query.ordering(reading)))
        total = len(matching)
        start = min(start, max(0, (total - 1) // query.per_page) * query.per_page)
        page = matching[start : start + query.per_page]
        return total, [(row[0], row[1], row[4]) for row in page], counts


def _chosen(query: Query, reading: Reading) -> dict[str, set[str]]:
    """The chosen values by facet; a town named in the words is chosen."""
    chosen = {facet: set(query.chosen(facet)) for facet in FACETS}
    chosen["town"] |= {slug for town in reading.towns for slug in town.slugs}
    return {facet: values for facet, values in chosen.items() if values}


def _text(entries, reading: Reading, every: bool):
    """Entries matching the words (``LIKE`` on the padded stems), scored."""
    if not reading.has_text:
        return entries.annotate(score=V(0, output_field=IntegerField()))
    score = V(0, output_field=IntegerField())
    condition = Q() if every else Q(pk__in=[])
    for clause in reading.clauses:
        in_title = Q()
        in_body = Q()
        for form in forms(clause):
            phrase = PAD + " ".join(form) + ("" if clause.prefix else PAD)
            in_title |= Q(title__contains=phrase)
            in_body |= Q(body__contains=phrase)
        match = in_title | in_body
        condition = (condition & match) if every else (condition | match)
        score = score + Case(
            # The words as typed in the name weigh most: "casa del
            # migrante" finds every shelter, the one called so first.
            When(Q(title__contains=PAD + clause.text + PAD), then=V(EXACT_WEIGHT)),
            When(in_title, then=V(TITLE_WEIGHT)),
            When(in_body, then=V(BODY_WEIGHT)),
            default=V(0),
            output_field=IntegerField(),
        )
    return entries.filter(condition).annotate(score=score)


def _open_now(entries, now):
    minute = week_minute(now)
    open_period = Opening.objects.filter(entry=OuterRef("pk")).filter(
        Q(start__lte=minute, end__gt=minute)
        | Q(start__lte=minute + WEEK, end__gt=minute + WEEK)
    )
    return entries.filter(Q(always_open=True) | Exists(open_period), closed=False)


def _near(entries, query: Query):
    latitude, longitude = query.near
    south, north, west, east = bounding_box(latitude, longitude, query.radius_km)
    lat0, lon0 = Radians(V(latitude)), Radians(V(longitude))
    half_dlat = (Radians(F("latitude")) - lat0) / 2
    half_dlon = (Radians(F("longitude")) - lon0) / 2
    haversine = (
        2
        * EARTH_KM
        * ASin(
            Sqrt(
                Power(Sin(half_dlat), 2)
                + Cos(lat0) * Cos(Radians(F("latitude"))) * Power(Sin(half_dlon), 2)
            )
        )
    )
    nearest = (
        Place.objects.filter(
            entry=OuterRef("pk"),
            latitude__range=(south, north),
            longitude__range=(west, east),
        )
        .annotate(km=haversine)
        .filter(km__lte=query.radius_km)
        .order_by("km")
        .values("km")[:1]
    )
    return entries.annotate(
        distance=Subquery(nearest, output_field=FloatField())
    ).filter(distance__isnull=False)


def _passes(held, chosen, skip=None) -> bool:
    """Whether an entry's values include one of the chosen values of every
    chosen facet (but ``skip``)."""
    return all(
        held.get(facet, set()) & wanted
        for facet, wanted in chosen.items()
        if facet != skip
    )


def _sort_key(ordering: str):
    """Rows are (key, score, sort_name, values, distance)."""
    if ordering == DISTANCE:
        return lambda row: (row[4], -row[1], row[2], row[0])
    if ordering == NAME:
        return lambda row: (row[2], row[0])
    return lambda row: (-row[1], row[2], row[0])
