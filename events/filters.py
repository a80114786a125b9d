"""The calendar's filter, on the site's one faceted filter
(:mod:`convivir.common.filters`): state, town, category and language as
facets, and the dates and a text search (:class:`SearchForm`) narrowing the
dates first. The same query string filters the upcoming list, the month
grid, the archive and the iCal feed.

Unknown values are reported and ignored (the other filters still apply): a
shared or mistyped link must never break the page. Days are those of the
site's calendar (:mod:`convivir.common.inputs`): "9999-12-31" is no day to
count from.
"""

from django import forms
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import State
from convivir.common.filters import Facet, FacetedFilter, FieldFacet
from convivir.common.inputs import CalendarDateField
from convivir.common.languages import active_locale, default_locale
from events import conf
from events.choices import EventLanguage
from events.models.places import EventCategory, Venue


class JSONListFacet(Facet):
    """A facet on a JSON list of codes (the languages spoken at an event),
    matched as text so that SQLite and PostgreSQL agree. Its options are a
    fixed list, every one counted in the same query."""

    def __init__(self, name, legend, options: list, lookup: str, **kwargs):
        super().__init__(name, legend, options, **kwargs)
        self.lookup = lookup
        self.values = [str(value) for value, _label in options]

    def _holds(self, value: str) -> Q:
        return Q(**{f"{self.lookup}__icontains": f'"{value}"'})

    def narrow(self, items, chosen):
        holds_any = Q()
        for value in chosen:
            holds_any |= self._holds(value)
        return items.filter(holds_any)

    def counts(self, items):
        totals = items.order_by().aggregate(
            **{
                f"n{index}": Count("pk", filter=self._holds(value))
                for index, value in enumerate(self.values)
            }
        )
        return {value: totals[f"n{i}"] for i, value in enumerate(self.values)}


class SearchForm(forms.Form):
    """The filters that are not facets: a text search and a range of days."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # "from" and "to" are Python keywords, so they are added by name.
        self.fields["from"] = CalendarDateField(
            label=_("From"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["to"] = CalendarDateField(
            label=_("To"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.is_valid()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and end < start:
            self.add_error("to", _("The end date must be after the start date."))
            cleaned.pop("to", None)
        return cleaned

    @property
    def filters(self) -> dict:
        """The fields that were understood and given."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value}


def _towns(listing):
    return [(town, town) for town in listing.towns]


def _categories(listing):
    return listing.categories


class EventFilter(FacetedFilter):
    """Occurrences (a queryset of canonical dates) narrowed by the query, one
    choice per facet: filtered, counted and paged in the database, in a
    fixed number of queries however many dates there are. The category's
    slug, and a venue's town, are the same in every language."""

    facets = [
        FieldFacet(
            "state",
            _("State"),
            State.choices,
            "page__venue__state",
            multiple=False,
        ),
        FieldFacet(
            "municipality",
            _("Municipality"),
            _towns,
            "page__venue__municipality",
            multiple=False,
        ),
        FieldFacet(
            "category",
            _("Category"),
            _categories,
            "page__category__slug",
            multiple=False,
        ),
        JSONListFacet(
            "language",
            _("Language"),
            EventLanguage.choices,
            "page__languages",
            multiple=False,
        ),
    ]

    def __init__(self, query, occurrences):
        source = default_locale()
        self.towns = list(
            Venue.objects.filter(locale=source)
            .order_by("municipality")
            .values_list("municipality", flat=True)
            .distinct()
        )
        self.categories = list(
            EventCategory.objects.filter(locale=active_locale() or source).values_list(
                "slug", "name"
            )
        )
        self.form = SearchForm(query)
        self.per_page = conf.per_page()
        super().__init__(query, occurrences)

    def prefilter(self, items):
        given = self.form.filters
        if "from" in given:
            items = items.on_or_after(given["from"])
        if "to" in given:
            items = items.on_or_before(given["to"])
        if "q" in given:
            items = items.matching(given["q"].strip())
        return items

    @property
    def is_filtered(self) -> bool:
        return super().is_filtered or bool(self.form.filters)

    @property
    def ignored(self) -> list[str]:
        """The labels of the filters that were not understood."""
        labels = [str(self.form.fields[name].label) for name in self.form.errors]
        for facet in self.facets:
            allowed = {value for value, _label in facet.options(self)}
            given = [value for value in self.query.getlist(facet.name) if value]
            if any(value not in allowed for value in given):
                labels.append(str(facet.legend))
        return labels

    def querystring(self, **changes) -> str:
        """The understood filters as a query string, with ``changes`` (for
        the pagination, the month links and the iCal feed)."""
        query = QueryDict(mutable=True)
        given = self.form.filters
        if "q" in given:
            query["q"] = given["q"]
        for facet in self.facets:
            if self.chosen[facet.name]:
                query.setlist(facet.name, self.chosen[facet.name])
        for name in ("from", "to"):
            if name in given:
                query[name] = given[name].isoformat()
        for name, value in changes.items():
            query[name] = value
        return query.urlencode()
