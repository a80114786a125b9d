"""The editors' list filters for services (the admin's services list)."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from convivir.common.choices import State
from directory import conf
from directory.choices import ServiceStatus
from directory.models import SERVICE_TYPES, Location, Service, TaxonomyTerm


def _municipalities():
    names = Location.objects.order_by("municipality").values_list(
        "municipality", flat=True
    )
    return [(name, name) for name in dict.fromkeys(names)]


class ServiceFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=State.choices,
        field_name="service_at_locations__location__state",
        distinct=True,
    )
    municipality = django_filters.ChoiceFilter(
        label=_("Municipality"),
        choices=_municipalities,
        field_name="service_at_locations__location__municipality",
        distinct=True,
    )
    service_type = django_filters.ModelChoiceFilter(
        label=_("Service type"),
        queryset=TaxonomyTerm.objects.filter(taxonomy__key=SERVICE_TYPES),
        field_name="service_types",
        distinct=True,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ServiceStatus.choices
    )
    confidential = django_filters.BooleanFilter(
        label=_("Has a confidential location"), method="filter_confidential"
    )
    needs_verification = django_filters.BooleanFilter(
        label=_("Not verified in 180 days"), method="filter_needs_verification"
    )

    class Meta:
        model = Service
        fields = []

    def filter_confidential(self, queryset, name, value):
        if value is None:
            return queryset
        confidential = Q(service_at_locations__location__is_confidential=True)
        return (
            queryset.filter(confidential) if value else queryset.exclude(confidential)
        ).distinct()

    def filter_needs_verification(self, queryset, name, value):
        if value is None:
            return queryset
        limit = timezone.now() - timedelta(days=conf.stale_after_days())
        stale = Service.objects.checked_before(limit).values("pk")
        return (
            queryset.filter(pk__in=stale) if value else queryset.exclude(pk__in=stale)
        )
