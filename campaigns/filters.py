"""The filters of the campaign list and of the materials library, on the
site's one faceted filter (:mod:`convivir.common.filters`)."""

from django.utils.translation import gettext_lazy as _

from campaigns import conf
from campaigns.choices import Audience, DurationRange, MaterialFormat, MaterialLanguage
from convivir.common.choices import State
from convivir.common.filters import FacetedFilter, FieldFacet, ValuesFacet


def _themes(listing):
    return [(theme.slug, theme.name) for theme in listing.themes]


class CampaignFilter(FacetedFilter):
    """Live campaigns of one list, newest first, narrowed to any of the
    chosen themes and any of the chosen states; filtered, counted and paged
    in the database."""

    facets = [
        FieldFacet("tema", _("Theme"), _themes, "themes__slug"),
        FieldFacet("estado", _("State"), State.choices, "targets__state"),
    ]

    def __init__(self, pages, query, themes):
        self.themes = themes
        self.per_page = conf.per_page()
        super().__init__(query, pages)

    @property
    def results(self):
        return (
            self.narrowed()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-start_date", "-first_published_at", "-pk")
        )


class MaterialFilter(FacetedFilter):
    """Live materials of the library by audience, topic, format, language
    and duration. A library holds tens of materials: they are read once and
    matched here."""

    facets = [
        ValuesFacet("publico", _("Audience"), Audience.choices, lambda m: m.audiences),
        ValuesFacet(
            "tema",
            _("Topic"),
            _themes,
            lambda m: [theme.slug for theme in m.themes.all()],
        ),
        ValuesFacet("formato", _("Format"), MaterialFormat.choices, lambda m: m.format),
        ValuesFacet(
            "idioma",
            _("Language"),
            MaterialLanguage.choices,
            lambda m: m.material_language,
        ),
        ValuesFacet(
            "duracion",
            _("Duration"),
            DurationRange.choices,
            lambda m: m.duration_range,
        ),
    ]

    def __init__(self, materials, query, themes):
        self.themes = themes
        self.per_page = conf.per_page()
        super().__init__(query, list(materials))
