"""The filters of the campaign list and of the materials library: plain GET
forms with a count beside each choice, working without JavaScript. Values
that are not among the choices are ignored, never an error."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from campaigns import conf
from campaigns.choices import Audience, DurationRange, MaterialFormat, MaterialLanguage
from campaigns.models import (
    CampaignPage,
    CampaignTarget,
    DialogueMaterialPage,
    Theme,
)
from convivir.common.choices import State


def _choices(options, selected, counts) -> list[dict]:
    return [
        {
            "value": value,
            "label": label,
            "count": counts.get(value, 0),
            "checked": value in selected,
        }
        for value, label in options
    ]


class ListingFilter:
    """What both filters share: the query, the pagination and the query
    string kept in pagination links."""

    def __init__(self, query):
        self.query = query

    def selected(self, name: str, allowed) -> list[str]:
        allowed = set(allowed)
        return [value for value in self.query.getlist(name) if value in allowed]

    def page(self):
        return Paginator(self.results, conf.per_page()).get_page(self.query.get("page"))

    def querystring(self) -> str:
        query = self.query.copy()
        query.pop("page", None)
        return query.urlencode()


class CampaignFilter(ListingFilter):
    """Live campaigns of one list, newest first, narrowed to any of the
    chosen themes and any of the chosen states. Filtering, counting and
    paging happen in the database: a fixed number of queries however many
    campaigns there are."""

    def __init__(self, index, query):
        super().__init__(query)
        self.themes = Theme.for_visitor()
        self.selected_themes = self.selected("tema", [t.slug for t in self.themes])
        self.selected_states = self.selected("estado", State.values)
        self.base = CampaignPage.objects.child_of(index).live().public()

    def _narrowed(self, *, themes=True, states=True):
        pages = self.base
        if themes and self.selected_themes:
            pages = pages.filter(
                pk__in=CampaignPage.themes.through.objects.filter(
                    theme__slug__in=self.selected_themes
                ).values("campaignpage_id")
            )
        if states and self.selected_states:
            pages = pages.filter(
                pk__in=CampaignTarget.objects.filter(
                    state__in=self.selected_states
                ).values("page_id")
            )
        return pages

    @property
    def results(self):
        return (
            self._narrowed()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-start_date", "-first_published_at", "-pk")
        )

    def theme_choices(self) -> list[dict]:
        """Each theme with how many campaigns it has under the chosen states."""
        counts = dict(
            self._narrowed(themes=False)
            .order_by()
            .values_list("themes__slug")
            .annotate(n=Count("pk", distinct=True))
            .values_list("themes__slug", "n")
        )
        return _choices(
            [(t.slug, t.name) for t in self.themes], self.selected_themes, counts
        )

    def state_choices(self) -> list[dict]:
        counts = dict(
            self._narrowed(states=False)
            .order_by()
            .values_list("targets__state")
            .annotate(n=Count("pk", distinct=True))
            .values_list("targets__state", "n")
        )
        return _choices(State.choices, self.selected_states, counts)

    @property
    def is_filtered(self) -> bool:
        return bool(self.selected_themes or self.selected_states)


class MaterialFilter(ListingFilter):
    """Live materials of the library, narrowed by audience, topic, format,
    language and duration (any of the choices within a filter, all filters
    together). A library holds tens of materials, so they are read in two
    queries and filtered here."""

    FILTERS = ("publico", "tema", "formato", "idioma", "duracion")

    def __init__(self, index, query):
        super().__init__(query)
        self.themes = Theme.for_visitor()
        self.materials = list(
            DialogueMaterialPage.objects.child_of(index)
            .live()
            .public()
            .prefetch_related("themes")
            .order_by("title")
        )
        self.chosen = {
            "publico": self.selected("publico", Audience.values),
            "tema": self.selected("tema", [t.slug for t in self.themes]),
            "formato": self.selected("formato", MaterialFormat.values),
            "idioma": self.selected("idioma", MaterialLanguage.values),
            "duracion": self.selected("duracion", DurationRange.values),
        }

    @staticmethod
    def _values(material, name) -> set[str]:
        if name == "publico":
            return set(material.audiences)
        if name == "tema":
            return {theme.slug for theme in material.themes.all()}
        if name == "formato":
            return {material.format}
        if name == "idioma":
            return {material.material_language}
        return {material.duration_range}

    def _matches(self, material, skip=None) -> bool:
        return all(
            not chosen or self._values(material, name) & set(chosen)
            for name, chosen in self.chosen.items()
            if name != skip
        )

    @property
    def results(self) -> list:
        return [m for m in self.materials if self._matches(m)]

    def _counts(self, name) -> dict:
        counts = {}
        for material in self.materials:
            if self._matches(material, skip=name):
                for value in self._values(material, name):
                    counts[value] = counts.get(value, 0) + 1
        return counts

    def groups(self) -> list[dict]:
        """The filter groups in display order, each with its choices."""
        options = {
            "publico": (_("Audience"), Audience.choices),
            "tema": (_("Topic"), [(t.slug, t.name) for t in self.themes]),
            "formato": (_("Format"), MaterialFormat.choices),
            "idioma": (_("Language"), MaterialLanguage.choices),
            "duracion": (_("Duration"), DurationRange.choices),
        }
        return [
            {
                "name": name,
                "legend": options[name][0],
                "choices": _choices(
                    options[name][1], self.chosen[name], self._counts(name)
                ),
            }
            for name in self.FILTERS
        ]

    @property
    def is_filtered(self) -> bool:
        return any(self.chosen.values())
