"""The directory page's filter, on the site's one faceted filter
(:mod:`convivir.common.filters`): one type of help (``tipo``) and one town
(``municipio``), each choice with how many services it would show under
the other filter's choice."""

from django.utils.translation import gettext_lazy as _

from convivir.common.filters import FacetedFilter, FieldFacet
from directory.models.organizations import Location
from directory.models.taxonomy import SERVICE_TYPES, TaxonomyTerm


def _types(listing):
    return listing.types


def _towns(listing):
    return listing.towns


class DirectoryFilter(FacetedFilter):
    """Public services narrowed to one type of help and one town; filtered,
    counted and paged in the database, in a fixed number of queries."""

    facets = [
        FieldFacet(
            "tipo", _("Type of help"), _types, "service_types__code", multiple=False
        ),
        FieldFacet(
            "municipio",
            _("Town"),
            _towns,
            "service_at_locations__location__town",
            multiple=False,
        ),
    ]
    per_page = 20

    def __init__(self, query, services):
        #: The service types, in their editors' order.
        self.types = [
            (term.code, term.name)
            for term in TaxonomyTerm.objects.filter(taxonomy__key=SERVICE_TYPES)
        ]
        names = dict(
            Location.objects.filter(service_at_locations__service__in=services)
            .values_list("town", "municipality")
            .distinct()
        )
        #: The towns with a public service, by name.
        self.towns = sorted(names.items(), key=lambda town: town[1])
        super().__init__(query, services)

    @property
    def results(self):
        return self.narrowed().for_listing().order_by("name")
