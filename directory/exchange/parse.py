"""Parsing an import: each raw record (a nested HSDS service, or a row of
the CSV template) as a :class:`Row` to upsert, or a ValueError saying what
is wrong with it. Parsing reads the taxonomy (:class:`TermIndex`) and
writes nothing."""

import uuid
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from convivir.common import iso639
from convivir.common.choices import State
from convivir.common.phones import normalize_phone
from directory import hsds
from directory.choices import HSDS_DAYS, ServiceStatus
from directory.exchange.read import CSV_REQUIRED
from directory.models import TaxonomyTerm

NAMESPACE = hsds.NAMESPACE
STATE_BY_NAME = {label.lower(): value for value, label in State.choices}
YES = {"1", "yes", "si", "sí", "true", "x", "y", "s"}


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
                if iso639.is_known(lang.get("code"))
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
