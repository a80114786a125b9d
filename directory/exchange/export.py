"""The export: the public directory (or, for staff, with confidential
addresses; or everything, hidden and unpublished entries too) as an HSDS 3.0
data package in a folder.

``datapackage.json``; ``services.json`` (fully nested HSDS services),
``organizations.json``, ``taxonomies.json`` and ``taxonomy_terms.json``; and
one CSV file per HSDS table (columns in :mod:`~directory.exchange.tables`).
Values HSDS has no field for (a location's confidentiality, a WhatsApp
number, the "full" status, the page slug, the English text, a contact's
language) travel in a ``convivir`` object beside the HSDS fields (in CSV,
``convivir_…`` columns). Confidential locations leave without address and
coordinates unless ``include_confidential``; service contacts (private
e-mails) only with it.

Services are read in chunks of :data:`CHUNK` (each chunk's related rows in
one query per relation), then the organisations and the locations they
name, and every file is written as the records come, so memory stays the
same however large the directory (20,000 services: under 150 MB resident,
most of it the loaded project; see ``benchmarks/results.md``).
"""

import gc
import json
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.log_actions import log

from directory import confidentiality, hsds
from directory.exchange.tables import Table
from directory.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

CHUNK = 100
SERVICE_TABLES = (
    "phones",
    "schedules",
    "languages",
    "required_documents",
    "attributes",
    "contacts",
)


def _selected(include_all=False):
    return Service.objects.all() if include_all else Service.objects.public()


def exportable_services(include_all=False):
    """The public services, or with ``include_all`` every one (hidden
    because not verified for too long, and unpublished), with everything
    their records show."""
    return (
        _selected(include_all)
        .for_listing()
        .prefetch_related("contacts", "required_documents", "populations__taxonomy")
        .prefetch_related("service_types__taxonomy")
        .order_by("name", "pk")
    )


def service_record(service, include_confidential: bool, include_all=False) -> dict:
    """An HSDS service with the ``convivir`` extension (and, in a full
    backup, whether it is published)."""
    data = hsds.service(service, include_confidential, extension=True)
    if include_all:
        data["convivir"]["published"] = service.live
    return data


class JsonArray:
    """A JSON array written item by item."""

    def __init__(self, path: Path):
        self._file = path.open("w", encoding="utf-8")
        self._file.write("[")
        self.items = 0

    def add(self, item):
        self._file.write(",\n" if self.items else "\n")
        self._file.write(json.dumps(item, ensure_ascii=False))
        self.items += 1

    def close(self):
        self._file.write("\n]\n")
        self._file.close()


def _chunks(queryset):
    """The rows of ``queryset``, :data:`CHUNK` at a time. Model instances
    linked by prefetch caches form reference cycles, which only the cyclic
    collector frees: collecting after each chunk keeps memory flat (and
    cheap, see :func:`_frozen`)."""
    for number, row in enumerate(queryset.iterator(chunk_size=CHUNK), 1):
        yield row
        if number % CHUNK == 0:
            gc.collect()


@contextmanager
def _frozen():
    """Leave what is already in memory (the loaded project) out of the
    collections :func:`_chunks` runs, so each looks at one chunk only."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Package:
    """The files of one package, written as the records stream through:
    services first, then the organisations and locations they name (each
    once, read by their own query rather than remembered)."""

    def __init__(self, folder: Path, stack: ExitStack, include_confidential):
        def opened(thing):
            stack.callback(thing.close)
            return thing

        names = [
            "organizations",
            "services",
            "service_at_location",
            "locations",
            "addresses",
            "accessibility",
            *SERVICE_TABLES,
            "taxonomies",
            "taxonomy_terms",
        ]
        if not include_confidential:
            names.remove("contacts")
        self.include_confidential = include_confidential
        self.tables = {name: opened(Table(folder, name)) for name in names}
        self.json = {
            name: opened(JsonArray(folder / f"{name}.json"))
            for name in ("services", "organizations", "taxonomies", "taxonomy_terms")
        }

    def add_service(self, record: dict):
        self.json["services"].add(record)
        self.tables["services"].add(record)
        for sal in record["service_at_locations"]:
            self.tables["service_at_location"].add(
                {k: v for k, v in sal.items() if k != "location"}
            )
        for name in SERVICE_TABLES:
            for row in record.get(name, []):
                self.tables[name].add(row)

    def add_organizations(self, organizations):
        for organization in _chunks(organizations):
            record = hsds.organization_summary(organization)
            self.json["organizations"].add(record)
            self.tables["organizations"].add(record)

    def add_locations(self, locations):
        for location in _chunks(locations):
            record = hsds.location(location, self.include_confidential, extension=True)
            self.tables["locations"].add(record)
            for address in record["addresses"]:
                self.tables["addresses"].add(address)
            for row in record.get("accessibility", []):
                self.tables["accessibility"].add(row)

    def add_taxonomy(self):
        for taxonomy in Taxonomy.objects.order_by("name", "pk"):
            record = hsds.taxonomy(taxonomy)
            self.json["taxonomies"].add(record)
            self.tables["taxonomies"].add(record)
        terms = TaxonomyTerm.objects.select_related("taxonomy").order_by(
            "taxonomy__name", "sort_order", "pk"
        )
        for term in terms:
            record = hsds.taxonomy_term(term, with_taxonomy=False)
            self.json["taxonomy_terms"].add(record)
            self.tables["taxonomy_terms"].add(record)


def export_package(
    path, include_confidential=False, user=None, include_all=False
) -> dict[str, int]:
    """Write the data package to ``path`` (a folder); returns the number of
    rows of each table. With ``include_confidential``, ``user`` must hold
    the permission, and the export is in the audit log of every
    organisation whose confidential addresses it holds. ``include_all``
    adds hidden and unpublished entries (a full backup)."""
    if include_confidential and not confidentiality.can_see(user):
        raise PermissionDenied
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    selected = _selected(include_all)
    places = ServiceAtLocation.objects.filter(service__in=selected)
    locations = Location.objects.filter(pk__in=places.values("location_id"))
    if include_confidential:
        _log_confidential_export(locations.filter(is_confidential=True), user)
    with _frozen(), ExitStack() as stack:
        package = Package(folder, stack, include_confidential)
        for service in _chunks(exportable_services(include_all)):
            package.add_service(
                service_record(service, include_confidential, include_all)
            )
        package.add_organizations(
            Organization.objects.filter(
                pk__in=selected.values("organization_id")
            ).order_by("name", "pk")
        )
        package.add_locations(locations.order_by("organization_id", "sort_order", "pk"))
        package.add_taxonomy()
    tables = package.tables.values()
    _write_descriptor(folder, tables, include_confidential, include_all)
    return {table.name: table.rows for table in tables}


def _write_descriptor(folder, tables, include_confidential, include_all):
    if include_all:
        contents = (
            "Every entry: public ones, those hidden because not verified for "
            "too long, and unpublished ones (convivir.published says which)."
        )
    else:
        contents = "Public entries only: published and verified recently enough."
    descriptor = {
        "name": "convivir-directory",
        "title": "Convivir: directory of shelters and services",
        "profile": "tabular-data-package",
        "created": timezone.now().isoformat(),
        "hsds_version": "3.0",
        "contents": contents,
        "includes_hidden_entries": include_all,
        "includes_unpublished_entries": include_all,
        "includes_confidential_locations": include_confidential,
        "resources": [table.resource() for table in tables],
    }
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, indent=1, ensure_ascii=False), encoding="utf-8"
    )


def _log_confidential_export(locations, user):
    """Before anything is written: the export is in the audit log of each
    organisation whose confidential addresses it holds."""
    confidential = {}
    for organization_id, pk in locations.values_list("organization_id", "pk"):
        confidential.setdefault(organization_id, []).append(str(pk))
    organizations = Organization.objects.in_bulk(list(confidential))
    for organization_id, pks in confidential.items():
        log(
            instance=organizations[organization_id],
            action="directory.export_confidential",
            user=user,
            data={"locations": pks},
        )
