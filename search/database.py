"""The database search backend (the default): the rows of
:mod:`search.models`, on SQLite and PostgreSQL alike.

Text: a query is read into clauses (:mod:`search.reading`); an entry must
match every clause (any of a concept's forms, as a phrase of stems), or,
when no entry does, at least one (the results say so). PostgreSQL matches
with the GIN-indexed ``tsvector``; SQLite with ``LIKE`` on the same stems.
The score is the same on both: per clause, 4 when the words as typed are in
the title (name, types, populations, towns), 3 when a synonym is, 1 when
only the body has it; equal scores in name
order. Typos are corrected to a stem of the index (pg_trgm finds the
candidates on PostgreSQL, difflib compares them on both).

Distance: haversine in SQL with a bounding-box prefilter, to each entry's
nearest place with coordinates (a confidential place has none). Facets:
one grouped count per facet, each under the other facets' choices."""

from collections import Counter
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
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
from django.utils.text import slugify

from search.analysis import fold, terms
from search.models import PAD, Entry, Opening, Place, Value, Word
from search.places import EARTH_KM, bounding_box
from search.query import DISTANCE, FACETS, NAME, Hit, Query, Results
from search.reading import Reading, read
from search.registry import Document
from search.registry import kind as kind_named
from search.synonyms import CONCEPT_PREFIX, thesaurus

EXACT_WEIGHT, TITLE_WEIGHT, BODY_WEIGHT = 4, 3, 1
WEEK = 7 * 1440
REBUILD_CHUNK = 500
MEXICO_CITY = ZoneInfo("America/Mexico_City")


def _padded(texts: list[str]) -> str:
    """The stems of ``texts``, then one token per concept they speak of (a
    concept is then matched as one word, by one index lookup)."""
    stems = [stem for text in texts if text for stem in terms(text)]
    tokens = [concept.token for concept in thesaurus().concepts_in(stems)]
    stems += list(dict.fromkeys(tokens))
    return PAD + " ".join(stems) + PAD if stems else PAD


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
            values, places, openings, words = [], [], [], set()
            for entry, document in zip(entries, documents, strict=True):
                values += [
                    Value(entry_id=entry.pk, facet=facet, value=str(value)[:100])
                    for facet, items in document.values.items()
                    for value in dict.fromkeys(items)
                ]
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
            Value.objects.bulk_create(values, batch_size=2000)
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

    def _entries(self, kind: str):
        entries = Entry.objects.filter(kind=kind)
        hidden_before = kind_named(kind).hidden_before()
        if hidden_before is not None:
            entries = entries.filter(checked_at__gte=hidden_before)
        return entries

    def _text(self, entries, reading: Reading, every: bool):
        if not reading.has_text:
            return entries.annotate(score=V(0, output_field=IntegerField()))
        matches = []
        score = V(0, output_field=IntegerField())
        for clause in reading.clauses:
            in_title = Q()
            in_body = Q()
            for form in _forms(clause):
                phrase = PAD + " ".join(form) + ("" if clause.prefix else PAD)
                in_title |= Q(title__contains=phrase)
                in_body |= Q(body__contains=phrase)
            matches.append((clause, in_title | in_body))
            score = score + Case(
                # The words as typed in the name weigh most: "casa del
                # migrante" finds every shelter, the one called so first.
                When(Q(title__contains=PAD + clause.text + PAD), then=V(EXACT_WEIGHT)),
                When(in_title, then=V(TITLE_WEIGHT)),
                When(in_body, then=V(BODY_WEIGHT)),
                default=V(0),
                output_field=IntegerField(),
            )
        if _postgres():
            entries = entries.filter(self._tsquery(reading, every))
        else:
            condition = Q() if every else Q(pk__in=[])
            for _clause, match in matches:
                condition = (condition & match) if every else (condition | match)
            entries = entries.filter(condition)
        return entries.annotate(score=score)

    @staticmethod
    def _tsquery(reading: Reading, every: bool) -> RawSQL:
        def lexemes(clause, form):
            ending = ":*" if clause.prefix else ""
            return " <-> ".join(f"'{stem}'{ending}" for stem in form)

        clauses = [
            "("
            + " | ".join(f"({lexemes(clause, form)})" for form in _forms(clause))
            + ")"
            for clause in reading.clauses
        ]
        tsquery = (" & " if every else " | ").join(clauses)
        # A subquery of its own: the outer query's table may be aliased.
        return Q(
            # The table name is the model's; the query text is a parameter.
            pk__in=RawSQL(  # noqa: S611
                f"SELECT id FROM {Entry._meta.db_table} "  # noqa: S608
                "WHERE document @@ to_tsquery('simple', %s)",
                [tsquery],
            )
        )

    def _facet_filter(self, entries, query: Query, reading: Reading, skip=None):
        for facet in FACETS:
            if facet == skip:
                continue
            chosen = set(query.chosen(facet))
            if facet == "town":
                chosen |= {slug for town in reading.towns for slug in town_slugs(town)}
            if chosen:
                entries = entries.filter(
                    pk__in=Value.objects.filter(
                        facet=facet, value__in=sorted(chosen)
                    ).values("entry_id")
                )
        return entries

    @staticmethod
    def _open_now(entries, now):
        local = timezone.localtime(now, timezone=MEXICO_CITY)
        minute = local.weekday() * 1440 + local.hour * 60 + local.minute
        open_period = Opening.objects.filter(entry=OuterRef("pk")).filter(
            Q(start__lte=minute, end__gt=minute)
            | Q(start__lte=minute + WEEK, end__gt=minute + WEEK)
        )
        return entries.filter(Q(always_open=True) | Exists(open_period), closed=False)

    @staticmethod
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

    def _matching(self, kind, query, reading, every, skip=None, now=None):
        entries = self._text(self._entries(kind), reading, every)
        entries = self._facet_filter(entries, query, reading, skip=skip)
        if query.open_now:
            entries = self._open_now(entries, now or timezone.now())
        if query.near:
            entries = self._near(entries, query)
        return entries

    @staticmethod
    def _ordered(entries, ordering: str):
        if ordering == DISTANCE:
            return entries.order_by("distance", "-score", "sort_name", "key")
        if ordering == NAME:
            return entries.order_by("sort_name", "key")
        return entries.order_by("-score", "sort_name", "key")

    def search(self, kind: str, query: Query, now=None) -> Results:
        """One evaluation of the words, the hours and the distance; the
        facets' choices, their counts, the order and the page from it."""
        now = now or timezone.now()
        reading = self.read(query.text)
        chosen = self._chosen(query, reading)
        for every in (True, False):
            base = self._text(self._entries(kind), reading, every)
            if query.open_now:
                base = self._open_now(base, now)
            if query.near:
                base = self._near(base, query)
            fields = ["pk", "key", "score", "sort_name"]
            rows = list(
                base.values_list(*fields, *(["distance"] if query.near else []))
            )
            ids = [row[0] for row in rows] if len(rows) <= SMALL else base.values("pk")
            values = self._values_of(ids, chosen) if chosen else {}
            matching = [row for row in rows if _passes(values, row[0], chosen)]
            if matching or not every or len(reading.clauses) < 2:
                break
        ids = [row[0] for row in matching]
        if len(ids) > SMALL:
            ids = self._facet_filter(base, query, reading).values("pk")
        counts = self._unchosen_counts(ids, chosen)
        for facet in chosen:
            counter = Counter()
            for row in rows:
                if _passes(values, row[0], chosen, skip=facet):
                    counter.update(values.get(row[0], {}).get(facet, ()))
            counts[facet] = dict(counter)
        matching.sort(key=_sort_key(query.ordering(reading)))
        total = len(matching)
        pages = max(1, -(-total // query.per_page))
        number = min(query.page, pages)
        start = (number - 1) * query.per_page
        hits = [
            Hit(row[1], row[2], round(row[4], 1) if query.near else None)
            for row in matching[start : start + query.per_page]
        ]
        return Results(
            query=query,
            reading=reading,
            hits=hits,
            total=total,
            facets=counts,
            page=number,
            partial=not every,
        )

    @staticmethod
    def _chosen(query: Query, reading: Reading) -> dict[str, set[str]]:
        chosen = {facet: set(query.chosen(facet)) for facet in FACETS}
        chosen["town"] |= {slug for town in reading.towns for slug in town_slugs(town)}
        return {facet: values for facet, values in chosen.items() if values}

    @staticmethod
    def _values_of(ids, chosen) -> dict[int, dict[str, set[str]]]:
        """The chosen facets' values of each entry."""
        values: dict[int, dict[str, set[str]]] = {}
        for part in _chunks(ids):
            rows = Value.objects.filter(
                entry_id__in=part, facet__in=list(chosen)
            ).values_list("entry_id", "facet", "value")
            for entry_id, facet, value in rows:
                values.setdefault(entry_id, {}).setdefault(facet, set()).add(value)
        return values

    @staticmethod
    def _unchosen_counts(ids, chosen) -> dict[str, dict[str, int]]:
        """Counts of the facets nobody chose, among the matching entries,
        in one grouped query."""
        counts = {facet: {} for facet in FACETS if facet not in chosen}
        for part in _chunks(ids):
            rows = (
                Value.objects.filter(entry_id__in=part, facet__in=list(counts))
                .values("facet", "value")
                .annotate(n=Count("id"))
                .values_list("facet", "value", "n")
            )
            for facet, value, n in rows:
                counts[facet][value] = counts[facet].get(value, 0) + n
        return counts

    def ranked_keys(self, kind: str, query: Query, limit: int) -> list[str]:
        reading = self.read(query.text)
        for every in (True, False):
            entries = self._matching(kind, query, reading, every)
            keys = list(
                self._ordered(entries, query.ordering(reading)).values_list(
                    "key", flat=True
                )[:limit]
            )
            if keys or len(reading.clauses) < 2:
                return keys
        return []


# Entries per IN list (SQLite allows 32,766 parameters a statement).
IN_CHUNK = 10_000


# Beyond this many entries, the rows are narrowed by a subquery rather than
# a list of ids.
SMALL = 2_000


def _chunks(ids):
    """A list of ids in parts, or a subquery whole."""
    if not isinstance(ids, list):
        yield ids
        return
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start : start + IN_CHUNK]


def _forms(clause) -> tuple[tuple[str, ...], ...]:
    """What a clause is matched by: a concept by its token, a word as is."""
    return ((clause.concept.token,),) if clause.concept else clause.forms


def _passes(values, entry_id, chosen, skip=None) -> bool:
    """Whether an entry has one of the chosen values of every chosen facet
    (but ``skip``)."""
    held = values.get(entry_id, {})
    return all(
        held.get(facet, set()) & wanted
        for facet, wanted in chosen.items()
        if facet != skip
    )


def _sort_key(ordering: str):
    """Rows are (pk, key, score, sort_name[, distance])."""
    if ordering == DISTANCE:
        return lambda row: (row[4], -row[2], row[3], row[1])
    if ordering == NAME:
        return lambda row: (row[3], row[1])
    return lambda row: (-row[2], row[3], row[1])


def town_slugs(town) -> set[str]:
    """The slugs a town's places may carry (its name or another name)."""
    return {slugify(name) for name in town.names}
