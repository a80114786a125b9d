"""HSDS data packages in and out, and the simple CSV template staff keep in
spreadsheets.

Export writes a folder: ``datapackage.json``; ``services.json`` (fully
nested HSDS services), ``organizations.json``, ``taxonomies.json`` and
``taxonomy_terms.json``; and the tabular CSV files of the same data. Values
HSDS has no field for (a location's confidentiality, a WhatsApp number, the
"full" status, the page slug) travel in a ``convivir`` object beside the
HSDS fields. Confidential locations leave without address and coordinates
unless ``include_confidential``; service contacts (private e-mails) only
with it.

Import reads such a folder (``services.json``) or a CSV template, checks
every row first and reports each problem with its row number; nothing is
written when a row is wrong unless ``partial`` (then good rows are written,
each in its own transaction). Entries are upserted by their HSDS id.
"""

import csv
import io
import json
import uuid
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from wagtail.log_actions import log

from convivir.common.choices import State
from convivir.common.phones import normalize_phone
from directory import confidentiality, hsds
from directory.choices import HSDS_DAYS, ServiceLanguage, ServiceStatus
from directory.models import (
    Contact,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

NAMESPACE = uuid.UUID("5d0c9a4e-61f3-4f0e-9b43-0f7f2b1a8c21")
STATE_BY_NAME = {label.lower(): value for value, label in State.choices}
CSV_REQUIRED = ["name", "organization", "municipality", "state", "service_types"]
CSV_COLUMNS = [
    "id",
    *CSV_REQUIRED,
    "description",
    "populations",
    "address",
    "neighbourhood",
    "postal_code",
    "latitude",
    "longitude",
    "confidential",
    "phone",
    "whatsapp",
    "email",
    "website",
    "open_24_hours",
    "status",
]
YES = {"1", "yes", "si", "sí", "true", "x", "y", "s"}


# --- Export -------------------------------------------------------------------------


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
        "status_changed_at": service.status_changed_at.isoformat(),
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


# --- Import -------------------------------------------------------------------------


class ImportFailed(Exception):
    """The input cannot be read at all (encoding, missing columns)."""


@dataclass
class Row:
    """One service to upsert, parsed and checked."""

    number: int
    service_id: uuid.UUID
    organization: dict
    service: dict
    locations: list[dict] = field(default_factory=list)
    phones: list[dict] = field(default_factory=list)
    schedules: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    service_types: list = field(default_factory=list)
    populations: list = field(default_factory=list)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    written: bool = False

    def lines(self) -> list[str]:
        return [f"row {number}: {message}" for number, message in self.errors]

    def warning_lines(self) -> list[str]:
        return [f"row {number}: {message}" for number, message in self.warnings]


def _uuid(value, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError) as error:
        raise ValueError(f"{what} {value!r} is not a UUID") from error


def _coordinate(value, low, high, what):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as error:
        raise ValueError(f"invalid {what} {value!r}") from error
    if not number.is_finite() or not low <= number <= high:
        raise ValueError(f"invalid {what} {value!r}")
    return number.quantize(Decimal("0.000001"))


def _phone(value) -> str:
    try:
        return normalize_phone(value or "")
    except ValidationError as error:
        raise ValueError(f"invalid phone number {value!r}") from error


def _state(value) -> str:
    text = (value or "").strip().lower()
    if text in State.values:
        return text
    if text in STATE_BY_NAME:
        return STATE_BY_NAME[text]
    raise ValueError(f"unknown state {value!r} (Chiapas, Oaxaca or Tabasco)")


class TermIndex:
    """Taxonomy terms by id and by code, loaded once."""

    def __init__(self):
        terms = list(TaxonomyTerm.objects.select_related("taxonomy"))
        self.by_id = {str(term.id): term for term in terms}
        self.by_code = {(term.taxonomy.key, term.code): term for term in terms}

    def codes(self, text: str, taxonomy: str) -> list:
        terms = []
        for code in filter(None, (c.strip() for c in (text or "").split(";"))):
            term = self.by_code.get((taxonomy, code))
            if term is None:
                raise ValueError(f"unknown taxonomy term {code!r}")
            terms.append(term)
        return terms


def _location_from_hsds(data: dict) -> dict:
    address = (data.get("addresses") or [{}])[0]
    accessibility = (data.get("accessibility") or [{}])[0]
    return {
        "id": _uuid(data.get("id"), "location id"),
        "name": data.get("name") or address.get("city") or "",
        "description": data.get("description") or "",
        "transportation": data.get("transportation") or "",
        "address_1": address.get("address_1") or "",
        "address_2": address.get("address_2") or "",
        "postal_code": address.get("postal_code") or "",
        "municipality": address.get("city") or "",
        "state": _state(address.get("state_province")),
        "latitude": _coordinate(data.get("latitude"), -90, 90, "latitude"),
        "longitude": _coordinate(data.get("longitude"), -180, 180, "longitude"),
        "accessibility": accessibility.get("description") or "",
        "is_confidential": bool((data.get("convivir") or {}).get("confidential")),
    }


def _time(text: str) -> time:
    hours, minutes = str(text)[:5].split(":")
    return time(int(hours), int(minutes))


def parse_hsds_service(number: int, data: dict, terms: TermIndex) -> Row:
    """A nested HSDS service as a :class:`Row`; ValueError says what is
    wrong."""
    if not isinstance(data, dict):
        raise ValueError("not an HSDS service object")
    for name in ("id", "name", "status"):
        if not data.get(name):
            raise ValueError(f"missing {name}")
    extra = data.get("convivir") or {}
    organization = data.get("organization") or {}
    if not organization.get("id") and not data.get("organization_id"):
        raise ValueError("missing organization")
    status = extra.get("status") or (
        ServiceStatus.TEMPORARILY_CLOSED
        if data["status"] in ("temporarily closed", "inactive", "defunct")
        else ServiceStatus.FULL
        if data.get("alert") == hsds.FULL_ALERT
        else ServiceStatus.OPEN
    )
    row = Row(
        number=number,
        service_id=_uuid(data["id"], "service id"),
        organization={
            "id": _uuid(
                organization.get("id") or data.get("organization_id"), "organization id"
            ),
            "name": organization.get("name") or "",
            "description": organization.get("description") or "",
            "email": organization.get("email") or "",
            "website": organization.get("website") or "",
        },
        service={
            "name": data["name"],
            "slug": extra.get("slug") or "",
            "description": data.get("description") or "",
            "url": data.get("url") or "",
            "email": data.get("email") or "",
            "status": status,
            "eligibility_description": data.get("eligibility_description") or "",
            "application_process": data.get("application_process") or "",
            "is_free": extra.get(
                "is_free", data.get("fees_description") in (None, "", "Free")
            ),
            "fees_description": (
                ""
                if data.get("fees_description") == "Free"
                else data.get("fees_description") or ""
            ),
            "languages": [
                lang["code"]
                for lang in data.get("languages", [])
                if lang.get("code") in ServiceLanguage.values
            ],
            "capacity": extra.get("capacity"),
            "open_24_hours": bool(extra.get("open_24_hours")),
            "by_appointment": bool(extra.get("by_appointment")),
        },
    )
    for moment in ("status_changed_at", "last_verified_at"):
        if extra.get(moment):
            row.service[moment] = parse_datetime(extra[moment])
    for sal in data.get("service_at_locations", []):
        location = _location_from_hsds(sal.get("location") or {})
        location["sal_id"] = _uuid(sal.get("id"), "service_at_location id")
        location["sal_description"] = sal.get("description") or ""
        row.locations.append(location)
    for phone in data.get("phones", []):
        row.phones.append(
            {
                "id": _uuid(phone.get("id"), "phone id"),
                "number": _phone(phone.get("number")),
                "description": (phone.get("description") or "")
                .removesuffix("WhatsApp")
                .strip(),
                "whatsapp": bool((phone.get("convivir") or {}).get("whatsapp")),
            }
        )
    if not row.service["open_24_hours"]:
        for schedule in data.get("schedules", []):
            day = (schedule.get("byday") or "").upper()
            if day not in HSDS_DAYS:
                raise ValueError(f"unknown schedule day {day!r}")
            row.schedules.append(
                {
                    "id": _uuid(schedule.get("id"), "schedule id"),
                    "weekday": HSDS_DAYS.index(day),
                    "opens_at": _time(schedule.get("opens_at")),
                    "closes_at": _time(schedule.get("closes_at")),
                    "notes": schedule.get("notes") or "",
                }
            )
    row.documents = [
        {"id": _uuid(d.get("id"), "document id"), "document": d.get("document") or ""}
        for d in data.get("required_documents", [])
    ]
    row.contacts = [
        {
            "id": _uuid(c.get("id"), "contact id"),
            "name": c.get("name") or "",
            "title": c.get("title") or "",
            "email": c.get("email") or "",
        }
        for c in data.get("contacts", [])
    ]
    for attribute in data.get("attributes", []):
        term = terms.by_id.get(str(attribute.get("taxonomy_term_id")))
        if term is None:
            raise ValueError(
                f"unknown taxonomy term {attribute.get('taxonomy_term_id')!r}"
            )
        target = (
            row.populations if term.taxonomy.key == "population" else row.service_types
        )
        target.append(term)
    return row


def parse_csv_row(number: int, data: dict, terms: TermIndex) -> Row:
    """A row of the spreadsheet template as a :class:`Row`."""
    missing = [name for name in CSV_REQUIRED if not (data.get(name) or "").strip()]
    if missing:
        raise ValueError("empty " + ", ".join(missing))
    organization_name = data["organization"].strip()
    organization_id = uuid.uuid5(
        NAMESPACE, f"organization:{slugify(organization_name)}"
    )
    service_id = (
        _uuid(data["id"].strip(), "id")
        if (data.get("id") or "").strip()
        else uuid.uuid5(NAMESPACE, f"service:{organization_id}:{slugify(data['name'])}")
    )
    is_yes = lambda name: (data.get(name) or "").strip().lower() in YES  # noqa: E731
    status = (data.get("status") or "").strip() or ServiceStatus.OPEN
    if status not in ServiceStatus.values:
        raise ValueError(f"unknown status {status!r}")
    row = Row(
        number=number,
        service_id=service_id,
        organization={
            "id": organization_id,
            "name": organization_name,
            "description": organization_name,
            "email": "",
            "website": "",
        },
        service={
            "name": data["name"].strip(),
            "slug": "",
            "description": (data.get("description") or "").strip()
            or data["name"].strip(),
            "url": (data.get("website") or "").strip(),
            "email": (data.get("email") or "").strip(),
            "status": status,
            "open_24_hours": is_yes("open_24_hours"),
        },
        service_types=terms.codes(data["service_types"], "service_type"),
        populations=terms.codes(data.get("populations", ""), "population"),
    )
    latitude = _coordinate(data.get("latitude"), -90, 90, "latitude")
    longitude = _coordinate(data.get("longitude"), -180, 180, "longitude")
    if (latitude is None) != (longitude is None):
        raise ValueError("give both latitude and longitude, or neither")
    row.locations.append(
        {
            "id": uuid.uuid5(NAMESPACE, f"location:{service_id}"),
            "sal_id": uuid.uuid5(NAMESPACE, f"sal:{service_id}"),
            "sal_description": "",
            "name": data["name"].strip(),
            "description": "",
            "transportation": "",
            "address_1": (data.get("address") or "").strip(),
            "address_2": (data.get("neighbourhood") or "").strip(),
            "postal_code": (data.get("postal_code") or "").strip(),
            "municipality": data["municipality"].strip(),
            "state": _state(data["state"]),
            "latitude": latitude,
            "longitude": longitude,
            "accessibility": "",
            "is_confidential": is_yes("confidential"),
        }
    )
    if (data.get("phone") or "").strip():
        row.phones.append(
            {
                "id": uuid.uuid5(NAMESPACE, f"phone:{service_id}"),
                "number": _phone(data["phone"]),
                "description": "",
                "whatsapp": is_yes("whatsapp"),
            }
        )
    return row


def read_rows(path) -> tuple[list, str]:
    """The raw records of a package folder, a ``services.json`` or a CSV
    template, and which kind it is. Raises :class:`ImportFailed`."""
    path = Path(path)
    if path.is_dir():
        path = path / "services.json"
    if not path.exists():
        raise ImportFailed(f"{path} does not exist")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            f"{path.name} is not UTF-8 (byte {error.start}); save it as UTF-8 CSV"
        ) from error
    if path.suffix == ".json":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFailed(f"{path.name} is not valid JSON: {error}") from error
        if not isinstance(records, list):
            raise ImportFailed(f"{path.name} must hold a list of services")
        return records, "hsds"
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if missing:
        raise ImportFailed("missing required column(s): " + ", ".join(missing))
    reader.fieldnames = columns
    return list(reader), "csv"


def check(records: list, kind: str, report: ImportReport) -> list[Row]:
    """Parse every record; problems go to the report, row by row."""
    terms = TermIndex()
    rows, seen = [], {}
    for number, record in enumerate(records, start=1 if kind == "hsds" else 2):
        report.rows += 1
        try:
            row = (parse_hsds_service if kind == "hsds" else parse_csv_row)(
                number, record, terms
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            report.errors.append((number, str(error)))
            continue
        if row.service_id in seen:
            report.errors.append(
                (
                    number,
                    f"duplicate id {row.service_id} (also row {seen[row.service_id]})",
                )
            )
            continue
        seen[row.service_id] = number
        rows.append(row)
    _keep_confidential(rows, report)
    return rows


def _keep_confidential(rows: list[Row], report: ImportReport):
    """An import never publishes a confidential address: a place the
    directory keeps confidential stays so, whatever the file says (only a
    moderator may release it, in the admin)."""
    ids = {item["id"] for row in rows for item in row.locations}
    confidential = set(
        Location.objects.filter(pk__in=ids, is_confidential=True).values_list(
            "pk", flat=True
        )
    )
    for row in rows:
        for item in row.locations:
            if item["id"] in confidential and not item["is_confidential"]:
                item["is_confidential"] = True
                report.warnings.append(
                    (
                        row.number,
                        f"location {item['id']} stays confidential: the file "
                        "cannot publish its address (a moderator can, in the "
                        "admin)",
                    )
                )


def _upsert_children(model, service, items, fields):
    keep = []
    for order, item in enumerate(items):
        model.objects.update_or_create(
            id=item["id"],
            defaults={
                "service": service,
                "sort_order": order,
                **{f: item[f] for f in fields},
            },
        )
        keep.append(item["id"])
    model.objects.filter(service=service).exclude(id__in=keep).delete()


def write(row: Row) -> bool:
    """Upsert one service and everything it holds; True when created."""
    organization, _ = Organization.objects.update_or_create(
        id=row.organization["id"],
        defaults={
            **{k: v for k, v in row.organization.items() if k != "id"},
            "slug": _unique_slug(
                Organization, row.organization["name"], row.organization["id"]
            ),
        },
    )
    values = dict(row.service)
    values["slug"] = _unique_slug(
        Service, values["slug"] or values["name"], row.service_id
    )
    service, created = Service.objects.update_or_create(
        id=row.service_id,
        defaults={"organization": organization, "live": True, **values},
    )
    sal_ids = []
    for order, item in enumerate(row.locations):
        location, _ = Location.objects.update_or_create(
            id=item["id"],
            defaults={
                "organization": organization,
                **{
                    k: v
                    for k, v in item.items()
                    if k not in ("id", "sal_id", "sal_description")
                },
            },
        )
        ServiceAtLocation.objects.update_or_create(
            id=item["sal_id"],
            defaults={
                "service": service,
                "location": location,
                "description": item["sal_description"],
                "sort_order": order,
            },
        )
        sal_ids.append(item["sal_id"])
    service.service_at_locations.exclude(id__in=sal_ids).delete()
    _upsert_children(Phone, service, row.phones, ["number", "description", "whatsapp"])
    _upsert_children(
        Schedule, service, row.schedules, ["weekday", "opens_at", "closes_at", "notes"]
    )
    _upsert_children(RequiredDocument, service, row.documents, ["document"])
    if row.contacts:
        _upsert_children(Contact, service, row.contacts, ["name", "title", "email"])
    service.service_types.set(row.service_types)
    service.populations.set(row.populations)
    # Parental many-to-many values are written when the cluster is saved.
    service.save()
    return created


def _unique_slug(model, text, pk) -> str:
    base = slugify(text)[:100] or "entrada"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exclude(pk=pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def import_path(path, partial=False, progress=None) -> ImportReport:
    """Import a package folder, ``services.json`` or CSV template. Raises
    :class:`ImportFailed` when the file cannot be read at all."""
    report = ImportReport()
    records, kind = read_rows(path)
    rows = check(records, kind, report)
    if report.errors and not partial:
        return report

    def write_all():
        for index, row in enumerate(rows, start=1):
            created = write(row)
            report.created += created
            report.updated += not created
            if progress:
                progress(index, len(rows))

    if partial:
        for index, row in enumerate(rows, start=1):
            try:
                with transaction.atomic():
                    created = write(row)
            except Exception as error:
                report.errors.append((row.number, str(error)))
                continue
            report.created += created
            report.updated += not created
            if progress:
                progress(index, len(rows))
    else:
        with transaction.atomic():
            write_all()
    report.written = True
    return report
