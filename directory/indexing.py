"""The directory's services in the search index (:mod:`search`): what a
service is found by, and the signals that keep it current.

One document per published service: its names, types and populations (in
Spanish and English) and towns are the title; what it offers, who may use
it and how, the body. A confidential place gives its town and state, never
coordinates. Entries not confirmed for a year are not found
(``hidden_before``), as :meth:`ServiceQuerySet.public` hides them.

Every write path goes through :func:`reindex_services`: a service's save
(admin, revision publish, scheduled publish, unpublish), its places,
opening hours, organisation or terms saved, status and verification
updates, deletions and the HSDS import."""

from datetime import timedelta

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory import conf
from directory.choices import ServiceStatus
from directory.models.organizations import Location, Organization
from directory.models.service_details import Schedule
from directory.models.services import SERVICES_KIND, Service, ServiceAtLocation
from directory.models.taxonomy import TaxonomyTerm
from directory.public_urls import directory_page
from search.indexing import reindex
from search.registry import Document, Kind, register


def reindex_services(keys) -> int:
    return reindex(SERVICES_KIND, keys)


def _document(service: Service) -> Document:
    locations = service.locations()
    types = list(service.service_types.all())
    populations = list(service.populations.all())
    terms = types + populations
    title = [service.name, service.alternate_name, service.organization.name]
    title += [term.name_es for term in terms] + [term.name_en for term in terms]
    title += sorted({location.municipality for location in locations})
    body = [
        service.description,
        service.description_en,
        service.eligibility_description,
        service.eligibility_description_en,
        service.application_process,
        service.application_process_en,
        service.interpretation_services,
    ]
    return Document(
        key=str(service.pk),
        name=service.name,
        title=title,
        body=body,
        values={
            "state": [location.state for location in locations if location.state],
            "town": [location.town for location in locations],
            "type": [term.code for term in types],
            "population": [term.code for term in populations],
            "language": list(service.languages or []),
        },
        places=[
            (None, None)
            if location.is_confidential or location.latitude is None
            else (float(location.latitude), float(location.longitude))
            for location in locations
        ],
        openings=[schedule.week_minutes() for schedule in service.schedules.all()],
        always_open=service.open_24_hours,
        closed=service.status == ServiceStatus.TEMPORARILY_CLOSED,
        checked_at=service.last_verified_at or service.created_at,
    )


def documents(keys: list[str]) -> list[Document]:
    services = (
        Service.objects.filter(live=True, pk__in=keys)
        .select_related("organization")
        .prefetch_related(
            "service_types",
            "populations",
            "schedules",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location"),
            ),
        )
    )
    return [_document(service) for service in services]


def _public_keys():
    return Service.objects.filter(live=True).values_list("pk", flat=True).iterator()


def _hidden_before():
    return timezone.now() - timedelta(days=conf.hide_after_days())


def present(keys: list[str]) -> list[dict]:
    """Services as the site-wide search lists them, in ``keys``' order."""
    services = {
        str(service.pk): service
        for service in Service.objects.public().filter(pk__in=keys)
    }
    directory = directory_page()  # once, not once per service
    return [
        {
            "title": services[key].text("name").value,
            "url": services[key].get_url(directory=directory),
            "summary": services[key].text("description").value,
        }
        for key in keys
        if key in services
    ]


KIND = Kind(
    SERVICES_KIND,
    documents,
    _public_keys,
    _hidden_before,
    label=_("Services in the directory"),
    present=present,
)


# -- Signals: rows saved on their own (a service's own save reindexes it) --


def _service_changed(sender, instance, **kwargs):
    reindex_services([instance.pk])


def _part_changed(sender, instance, **kwargs):
    reindex_services([instance.service_id])


def _location_changed(sender, instance, **kwargs):
    reindex_services(
        ServiceAtLocation.objects.filter(location_id=instance.pk).values_list(
            "service_id", flat=True
        )
    )


def _organization_changed(sender, instance, **kwargs):
    reindex_services(instance.services.values_list("pk", flat=True))


def _term_changed(sender, instance, **kwargs):
    keys = set(instance.typed_services.values_list("pk", flat=True))
    keys |= set(instance.population_services.values_list("pk", flat=True))
    reindex_services(keys)


def connect():
    register(KIND)
    post_delete.connect(_service_changed, sender=Service, weak=False)
    for model in (ServiceAtLocation, Schedule):
        post_save.connect(_part_changed, sender=model, weak=False)
        post_delete.connect(_part_changed, sender=model, weak=False)
    post_save.connect(_location_changed, sender=Location, weak=False)
    post_save.connect(_organization_changed, sender=Organization, weak=False)
    post_save.connect(_term_changed, sender=TaxonomyTerm, weak=False)
