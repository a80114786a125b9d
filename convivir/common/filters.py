"""The one faceted filter of every public list (campaigns, dialogue
materials, events, volunteer opportunities, the directory).

A plain GET form works without JavaScript: each :class:`Facet` is a group
of choices (check boxes, or radio buttons for a single choice) with, beside
each, how many items it would show together with the other groups' choices.
Values that are not among a group's choices are ignored, never an error.
Within a group any choice matches; the groups combine. The results are
paged, and the pagination links keep the query string.

Items are a queryset (filtered and counted in the database, a fixed number
of queries whatever their number) or a list already read (a few tens of
materials or opportunities, matched in Python). A facet says how to do it
for its kind: :class:`FieldFacet` for a database field or relation,
:class:`ValuesFacet` for what an item in a list holds.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import CharField, Count, QuerySet, Value
from django.db.models.functions import Cast


class Facet:
    """A group of choices: its GET parameter, its legend and its options
    (``(value, label)`` pairs, or a function of the listing returning them,
    for options that depend on what is listed)."""

    def __init__(self, name: str, legend, options, *, multiple: bool = True):
        self.name = name
        self.legend = legend
        self._options = options
        self.multiple = multiple

    def options(self, listing) -> list[tuple[str, str]]:
        options = self._options(listing) if callable(self._options) else self._options
        return [(str(value), label) for value, label in options]

    def narrow(self, items, chosen: list[str]):
        raise NotImplementedError

    def counts(self, items) -> dict[str, int]:
        raise NotImplementedError


class FieldFacet(Facet):
    """A facet on a queryset's field or relation (``lookup``, e.g.
    ``"themes__slug"``): narrowed with a subquery (no duplicate rows),
    counted with one grouped query."""

    def __init__(self, name, legend, options, lookup: str, **kwargs):
        super().__init__(name, legend, options, **kwargs)
        self.lookup = lookup

    def narrow(self, items: QuerySet, chosen):
        matching = items.model._default_manager.filter(
            **{f"{self.lookup}__in": chosen}
        ).values("pk")
        return items.filter(pk__in=matching)

    def grouped(self, items: QuerySet) -> QuerySet:
        """``(name, value, count)`` rows, the value as text: this facet's
        part of the one statement :attr:`FacetedFilter.counted` runs."""
        return (
            items.order_by()
            .values(self.lookup)
            .annotate(
                n=Count("pk", distinct=True),
                facet=Value(self.name),
                value=Cast(self.lookup, CharField()),
            )
            .values_list("facet", "value", "n")
        )


class ValuesFacet(Facet):
    """A facet on a list: ``values_of(item)`` gives the values an item
    matches (one or several)."""

    def __init__(self, name, legend, options, values_of: Callable, **kwargs):
        super().__init__(name, legend, options, **kwargs)
        self.values_of = values_of

    def _values(self, item) -> set[str]:
        values = self.values_of(item)
        if isinstance(values, str) or not isinstance(values, Iterable):
            values = [values]
        return {str(value) for value in values if value is not None}

    def narrow(self, items: list, chosen):
        wanted = set(chosen)
        return [item for item in items if self._values(item) & wanted]

    def counts(self, items: list):
        counter = Counter()
        for item in items:
            counter.update(self._values(item))
        return dict(counter)


class FacetedFilter:
    """A listing narrowed by its :attr:`facets` from a GET ``query``.
    Subclasses set ``facets`` and ``per_page``, and may narrow the items
    first by what is not a facet (dates, a text search) in
    :meth:`prefilter`."""

    facets: list[Facet] = []
    per_page = 20

    def __init__(self, query, items):
        self.query = query
        self.items = self.prefilter(items)
        self.chosen = {facet.name: self._chosen(facet) for facet in self.facets}

    def prefilter(self, items):
        return items

    def _chosen(self, facet) -> list[str]:
        allowed = {value for value, _label in facet.options(self)}
        values = [v for v in self.query.getlist(facet.name) if v in allowed]
        return values[:1] if not facet.multiple else list(dict.fromkeys(values))

    def narrowed(self, skip: str | None = None):
        """The items under every chosen facet but ``skip``."""
        items = self.items
        for facet in self.facets:
            if facet.name != skip and self.chosen[facet.name]:
                items = facet.narrow(items, self.chosen[facet.name])
        return items

    @property
    def results(self):
        return self.narrowed()

    @cached_property
    def counted(self) -> dict[str, dict[str, int]]:
        """Each group's counts under the other groups' choices; the groups
        on database fields counted in one statement (their grouped counts
        put together with ``UNION ALL``)."""
        counted = {facet.name: {} for facet in self.facets}
        grouped = []
        for facet in self.facets:
            items = self.narrowed(skip=facet.name)
            if isinstance(facet, FieldFacet):
                grouped.append(facet.grouped(items))
            else:
                counted[facet.name] = facet.counts(items)
        rows = grouped[0].union(*grouped[1:], all=True) if grouped else ()
        for name, value, n in rows:
            if value is not None:
                counted[name][value] = n
        return counted

    def choices(self, name: str) -> list[dict]:
        """One group's choices, each with its count under the other groups."""
        facet = next(facet for facet in self.facets if facet.name == name)
        counts = self.counted[name]
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "checked": value in self.chosen[name],
            }
            for value, label in facet.options(self)
        ]

    def groups(self) -> list[dict]:
        """Every group in display order, with its choices."""
        return [
            {
                "name": facet.name,
                "legend": facet.legend,
                "multiple": facet.multiple,
                "chosen": self.chosen[facet.name],
                "choices": self.choices(facet.name),
            }
            for facet in self.facets
        ]

    @property
    def is_filtered(self) -> bool:
        return any(self.chosen.values())

    def page(self, results=None):
        """The page of results the query asks for (``page``)."""
        results = self.results if results is None else results
        return Paginator(results, self.per_page).get_page(self.query.get("page"))

    def querystring(self) -> str:
        """The query without its page, for the pagination links."""
        query = self.query.copy()
        query.pop("page", None)
        return query.urlencode()
