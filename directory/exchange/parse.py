"""Parsing an HSDS service record (nested, as ``services.json`` or the
joined tabular package gives it) into a :class:`Row` to upsert. Every
problem is collected in the row's :class:`Notes` (errors: the row is not
written; warnings: it is, without that value) so the report lists them
all. Parsing reads the taxonomy (:class:`TermIndex`) and writes nothing."""

import uuid
from dataclasses import dataclass, field

from convivir.common import iso639
from directory import hsds
from directory.choices import PhoneKind, ServiceStatus
from directory.exchange import values
from directory.exchange.notes import Notes, attempt
from directory.exchange.places import location_of
from directory.exchange.schedules import all_week_all_day, schedule_rows
from directory.exchange.terms import TermIndex
from directory.exchange.values import NAMESPACE, Problem, text

__all__ = ["NAMESPACE", "Notes", "Row", "TermIndex", "parse_hsds_service"]

WITHOUT = "the service is imported without it"
HSDS_STATUSES = {
    "active": ServiceStatus.OPEN,
    "inactive": ServiceStatus.TEMPORARILY_CLOSED,
    "defunct": ServiceStatus.TEMPORARILY_CLOSED,
    "temporarily closed": ServiceStatus.TEMPORARILY_CLOSED,
}


@dataclass
class Row:
    """One service to upsert, parsed and checked. Keys are model fields."""

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


def _organization(data: dict, notes: Notes) -> dict:
    organization = data.get("organization") or {}
    notes.fields(organization, "organization", "organization.")
    organization_id = organization.get("id") or data.get("organization_id")
    if not organization_id:
        notes.error(
            Problem("organization_id", "missing organization", "", "an organization id")
        )
    elif not text(organization.get("name")):
        notes.error(
            Problem(
                "organization.name",
                f"organization {organization_id} has no name",
                "",
                "the organization object, or organizations.csv in a tabular package",
            )
        )
    return {
        "id": organization_id
        and attempt(
            notes, values.uuid_of, organization_id, "organization id", "organization.id"
        ),
        "name": text(organization.get("name")),
        "alternate_name": text(organization.get("alternate_name")),
        "description": text(organization.get("description"))
        or text(organization.get("name")),
        "email": text(organization.get("email")),
        "website": text(organization.get("website") or organization.get("url")),
    }


def _status(data: dict, extra: dict, notes: Notes) -> str:
    if extra.get("status") in ServiceStatus.values:
        return extra["status"]
    raw = text(data.get("status")).lower()
    if raw not in HSDS_STATUSES:
        notes.error(
            Problem(
                "status",
                f"unknown status {data.get('status')!r}" if raw else "missing status",
                raw,
                ", ".join(HSDS_STATUSES),
            )
        )
        return ServiceStatus.OPEN
    if (
        HSDS_STATUSES[raw] == ServiceStatus.OPEN
        and text(data.get("alert")) == hsds.FULL_ALERT
    ):
        return ServiceStatus.FULL
    return HSDS_STATUSES[raw]


def _languages(data: dict, notes: Notes) -> list[str]:
    codes = []
    for language in data.get("languages") or []:
        notes.fields(language, "language", "languages.")
        code = text(language.get("code"))
        try:
            codes.append(iso639.canonical(code))
        except iso639.UnknownLanguage:
            label = f"{code!r}" + (
                f' ("{language["name"]}")' if language.get("name") else ""
            )
            notes.warn(
                Problem(
                    "languages",
                    f"unknown language code {label}",
                    code,
                    "ISO 639-1 or ISO 639-3 codes (es, spa, tzo, mam)",
                ),
                WITHOUT,
            )
    return list(dict.fromkeys(codes))


def _service(data: dict, extra: dict, notes: Notes) -> dict:
    english = extra.get("text_en") or {}
    is_free, fees = values.cost(data.get("fees_description"), data.get("cost_options"))
    for option in data.get("cost_options") or []:
        notes.fields(option, "cost_option", "cost_options.")
    alert = text(data.get("alert"))
    service = {
        "name": notes.fit(data.get("name"), 200, "name"),
        "alternate_name": notes.fit(data.get("alternate_name"), 200, "alternate_name"),
        "slug": text(extra.get("slug")),
        "description": text(data.get("description")) or text(data.get("name")),
        "url": text(data.get("url")),
        "email": text(data.get("email")),
        "status": _status(data, extra, notes),
        "alert": "" if alert == hsds.FULL_ALERT else alert,
        "eligibility_description": text(data.get("eligibility_description")),
        "application_process": text(data.get("application_process")),
        "interpretation_services": text(data.get("interpretation_services")),
        "minimum_age": attempt(
            notes, values.age, data.get("minimum_age"), "minimum_age", warn=WITHOUT
        ),
        "maximum_age": attempt(
            notes, values.age, data.get("maximum_age"), "maximum_age", warn=WITHOUT
        ),
        "is_free": bool(extra.get("is_free", is_free)),
        "fees_description": "" if extra.get("is_free", is_free) else fees,
        "languages": _languages(data, notes),
        "capacity": extra.get("capacity"),
        "open_24_hours": bool(extra.get("open_24_hours")),
        "by_appointment": bool(extra.get("by_appointment")),
    }
    for name in (
        "description",
        "eligibility_description",
        "application_process",
        "fees_description",
    ):
        service[f"{name}_en"] = text(english.get(name))
    verified = extra.get("last_verified_at") or data.get("assured_date")
    # Who verified and when only when the file says: an entry verified
    # here keeps its date when a file without one is imported.
    verified = verified and attempt(
        notes, values.moment, verified, "assured_date", warn=WITHOUT
    )
    if verified:
        service["last_verified_at"] = verified
    if text(data.get("assurer_email")):
        service["verified_by_name"] = notes.fit(
            data["assurer_email"], 150, "assurer_email"
        )
    if extra.get("status_changed_at"):
        service["status_changed_at"] = attempt(
            notes, values.moment, extra["status_changed_at"], "status_changed_at"
        )
    return service


def _phone(phone: dict, notes: Notes) -> dict:
    notes.fields(phone, "phone", "phones.")
    description = text(phone.get("description"))
    extra = phone.get("convivir") or {}
    whatsapp = bool(extra.get("whatsapp", "whatsapp" in description.lower()))
    kind = text(phone.get("type")).lower() or PhoneKind.VOICE
    if kind not in PhoneKind.values:
        notes.warn(
            Problem(
                "phones.type",
                f"unknown phone type {kind!r}",
                kind,
                ", ".join(PhoneKind.values),
            ),
            "imported as voice",
        )
        kind = PhoneKind.VOICE
    return {
        "id": attempt(notes, values.uuid_of, phone.get("id"), "phone id", "phones.id"),
        "number": attempt(notes, values.phone, phone.get("number"), "phones.number"),
        "extension": notes.fit(phone.get("extension"), 20, "phones.extension"),
        "kind": kind,
        # The export adds "WhatsApp" to the description of a WhatsApp number.
        "description": notes.fit(
            description.removesuffix("WhatsApp") if extra else description,
            250,
            "phones.description",
        ),
        "whatsapp": whatsapp,
    }


def _children(data: dict, name: str) -> list[dict]:
    """A service's ``name`` items, then those of its places, once each."""
    items = list(data.get(name) or [])
    for sal in data.get("service_at_locations") or []:
        items += sal.get(name) or []
        if isinstance(sal.get("location"), dict):
            items += sal["location"].get(name) or []
    seen, unique = set(), []
    for item in items:
        key = text(item.get("id")) or id(item)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _schedules(data: dict, row: Row, notes: Notes):
    open_24_hours = row.service["open_24_hours"]
    for schedule in _children(data, "schedules"):
        notes.fields(schedule, "schedule", "schedules.")
        if "appointment" in text(
            schedule.get("attending_type")
        ).lower() and not data.get("convivir"):
            row.service["by_appointment"] = True
        found = attempt(
            notes,
            schedule_rows,
            schedule,
            default=([], False),
            warn=f"schedule {text(schedule.get('id'))} is not imported",
        )
        for day in found[0]:
            day["notes"] = notes.fit(day["notes"], 250, "schedules.notes")
        row.schedules += found[0]
        open_24_hours = open_24_hours or found[1]
    if all_week_all_day(row.schedules):
        open_24_hours = True
    row.service["open_24_hours"] = open_24_hours
    if open_24_hours:
        row.schedules = []


def _terms(data: dict, row: Row, notes: Notes, terms: TermIndex):
    for attribute in data.get("attributes") or []:
        notes.fields(attribute, "attribute", "attributes.")
        for term in attempt(notes, terms.find, attribute, default=[], warn=""):
            target = (
                row.populations
                if term.taxonomy.key == "population"
                else row.service_types
            )
            if term not in target:
                target.append(term)


def parse_hsds_service(number: int, data, terms: TermIndex, notes: Notes) -> Row | None:
    """A nested HSDS service as a :class:`Row`, its problems in ``notes``;
    None when it is not a service object at all."""
    if not isinstance(data, dict):
        notes.error(
            Problem(
                "", "not an HSDS service object", type(data).__name__, "a JSON object"
            )
        )
        return None
    notes.fields(data, "service", "")
    if not text(data.get("name")):
        notes.error(Problem("name", "missing name", "", "the service's name"))
    extra = data.get("convivir") or {}
    row = Row(
        number=number,
        service_id=attempt(notes, values.uuid_of, data.get("id"), "service id", "id"),
        organization=_organization(data, notes),
        service=_service(data, extra, notes),
    )
    for sal in data.get("service_at_locations") or []:
        notes.fields(sal, "service_at_location", "service_at_locations.")
        location = location_of(sal, notes)
        if location:
            row.locations.append(location)
    row.phones = [_phone(p, notes) for p in _children(data, "phones")]
    _schedules(data, row, notes)
    for document in data.get("required_documents") or []:
        notes.fields(document, "required_document", "required_documents.")
        row.documents.append(
            {
                "id": attempt(
                    notes,
                    values.uuid_of,
                    document.get("id"),
                    "document id",
                    "required_documents.id",
                ),
                "document": notes.fit(
                    document.get("document"), 200, "required_documents.document"
                ),
            }
        )
    for contact in _children(data, "contacts"):
        notes.fields(contact, "contact", "contacts.")
        row.contacts.append(
            {
                "id": attempt(
                    notes,
                    values.uuid_of,
                    contact.get("id"),
                    "contact id",
                    "contacts.id",
                ),
                "name": notes.fit(contact.get("name"), 150, "contacts.name"),
                "title": notes.fit(contact.get("title"), 120, "contacts.title"),
                "email": text(contact.get("email")),
                "language": (contact.get("convivir") or {}).get("language") or "es",
            }
        )
    _terms(data, row, notes, terms)
    return row
