"""The filter of the volunteering page, on the site's one faceted filter
(:mod:`convivir.common.filters`): town (or "remote") and skill."""

from django.utils.translation import gettext_lazy as _

from convivir.common.filters import FacetedFilter, ValuesFacet
from networks.choices import Skill

REMOTE = "remote"
PER_PAGE = 12


def _towns(listing) -> list[tuple[str, str]]:
    """The towns of the listed networks, by name, then "remote"."""
    towns = sorted({opportunity.network.municipality for opportunity in listing.items})
    return [(town, town) for town in towns] + [(REMOTE, _("Remote"))]


def _where(opportunity) -> list[str]:
    """An opportunity is in its network's town, and "remote" when it can be."""
    places = [opportunity.network.municipality]
    if opportunity.is_remote:
        places.append(REMOTE)
    return places


class OpportunityFilter(FacetedFilter):
    """Active opportunities narrowed by any of the chosen towns and any of
    the chosen skills. Opportunities are few (tens per network): they are
    read once (one query) and matched and counted here."""

    facets = [
        ValuesFacet("municipio", _("Town"), _towns, _where),
        ValuesFacet("habilidad", _("Skill"), Skill.choices, lambda o: o.skills),
    ]
    per_page = PER_PAGE

    def __init__(self, query, opportunities):
        super().__init__(query, list(opportunities))
