"""The export: the public directory (or, for staff, with confidential
addresses) as an HSDS 3.0 data package in a folder.

``datapackage.json``; ``services.json`` (fully nested HSDS services),
``organizations.json``, ``taxonomies.json`` and ``taxonomy_terms.json``; and
the tabular CSV files of the same data. Values HSDS has no field for (a
location's confidentiality, a WhatsApp number, the "full" status, the page
slug) travel in a ``convivir`` object beside the HSDS fields. Confidential
locations leave without address and coordinates unless
``include_confidential``; service contacts (private e-mails) only with it.
"""

import csv
import io
import json
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.log_actions import log

from directory import confidentiality, hsds
from directory.models import Organization, Service, Taxonomy, TaxonomyTerm


def exportable_services(include_hidden=False):
    services = Service.objects.filter(live=True) if include_hidden else None
    services = services if services is not None else Service.objects.public()
    return (
        services.for_listing()
        .prefetch_related("contacts", "required_documents", "populations__taxonomy")
        .prefetch_related("service_types__taxonomy")
        .order_by("name")
    )


def service_record(service, include_confidential: bool) -> dict:
    """An HSDS service with the ``convivir`` extension."""
    data = hsds.service(service, include_confidential=include_confidential)
    data["convivir"] = {
        "slug": service.slug,
        "status": service.status,
        "status_changed_at": (
            service.status_changed_at.isoformat() if service.status_changed_at else None
        ),
        "is_free": service.is_free,
        "open_24_hours": service.open_24_hours,
        "by_appointment": service.by_appointment,
        "capacity": service.capacity,
        "last_verified_at": (
            service.last_verified_at.isoformat() if service.last_verified_at else None
        ),
    }
    by_id = {str(sal.id): sal.location for sal in service.service_at_locations.all()}
    for sal in data["service_at_locations"]:
        location = by_id[sal["id"]]
        sal["location"]["convivir"] = {"confidential": location.is_confidential}
    whatsapp = {str(p.id) for p in service.phones.all() if p.whatsapp}
    for phone in data["phones"]:
        phone["convivir"] = {"whatsapp": phone["id"] in whatsapp}
    return data


def _tables(services: list[dict]) -> dict[str, list[dict]]:
    """The tabular (CSV) form of the nested services."""
    tables = {
        name: []
        for name in (
            "services",
            "locations",
            "addresses",
            "service_at_locations",
            "phones",
            "schedules",
            "languages",
            "required_documents",
            "attributes",
            "contacts",
        )
    }
    seen_locations = set()
    for service in services:
        tables["services"].append(
            {
                k: v
                for k, v in service.items()
                if not isinstance(v, list | dict) and k != "convivir"
            }
        )
        for sal in service["service_at_locations"]:
            location = sal["location"]
            tables["service_at_locations"].append(
                {k: v for k, v in sal.items() if k != "location"}
            )
            if location["id"] in seen_locations:
                continue
            seen_locations.add(location["id"])
            tables["locations"].append(
                {k: v for k, v in location.items() if not isinstance(v, list | dict)}
            )
            tables["addresses"].extend(location["addresses"])
        for name in (
            "phones",
            "schedules",
            "languages",
            "required_documents",
            "attributes",
            "contacts",
        ):
            for row in service.get(name, []):
                tables[name].append(
                    {k: v for k, v in row.items() if not isinstance(v, list | dict)}
                )
    return {name: rows for name, rows in tables.items() if rows}


def export_package(path, include_confidential=False, user=None) -> dict[str, int]:
    """Write the data package to ``path`` (a folder); returns the number of
    rows of each table. With ``include_confidential``, ``user`` must hold
    the permission, and the export is in the audit log of every
    organisation whose confidential addresses it holds."""
    if include_confidential and not confidentiality.can_see(user):
        raise PermissionDenied
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    records = list(exportable_services())
    services = [service_record(s, include_confidential) for s in records]
    if include_confidential:
        _log_confidential_export(records, user)
    organizations = {}
    for service in services:
        organizations.setdefault(service["organization"]["id"], service["organization"])
    terms = list(TaxonomyTerm.objects.select_related("taxonomy"))
    documents = {
        "services.json": services,
        "organizations.json": list(organizations.values()),
        "taxonomies.json": [hsds.taxonomy(t) for t in Taxonomy.objects.all()],
        "taxonomy_terms.json": [hsds.taxonomy_term(t, False) for t in terms],
    }
    for name, content in documents.items():
        (folder / name).write_text(
            json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    tables = _tables(services)
    tables["organizations"] = list(organizations.values())
    resources = []
    for name, rows in tables.items():
        columns = list(dict.fromkeys(k for row in rows for k in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        (folder / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "profile": "tabular-data-resource",
            }
        )
    (folder / "datapackage.json").write_text(
        json.dumps(
            {
                "name": "convivir-directory",
                "title": "Convivir: directory of shelters and services",
                "profile": "tabular-data-package",
                "created": timezone.now().isoformat(),
                "hsds_version": "3.0",
                "includes_confidential_locations": include_confidential,
                "resources": resources,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    return {name: len(rows) for name, rows in tables.items()}


def _log_confidential_export(services, user):
    confidential = {}
    for service in services:
        for location in service.locations():
            if location.is_confidential:
                confidential.setdefault(location.organization_id, {})[location.pk] = (
                    location
                )
    organizations = Organization.objects.in_bulk(list(confidential))
    for organization_id, locations in confidential.items():
        log(
            instance=organizations[organization_id],
            action="directory.export_confidential",
            user=user,
            data={"locations": [str(pk) for pk in locations]},
        )
