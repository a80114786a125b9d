"""HSDS 3.0 objects from the directory's models, for the API and the data
packages. Places come only through the one whitelist
(:meth:`Location.place_facts`): a confidential location is its town alone,
unless the caller explicitly asks for confidential data
(``include_confidential``, staff exports guarded by the permission and the
audit log).

Status: HSDS knows ``active``, ``inactive``, ``defunct`` and ``temporarily
closed``. "Open" and "full" are both ``active``; "full" adds an ``alert``.

Every id is a UUID. Records the portal derives from a field (the 24-hour
schedule, an address, an attribute, a language, an accessibility note) get a
stable :func:`derived_id`, so an export read back updates them in place.
Values HSDS has no field for travel in a ``convivir`` object.
"""

import uuid

from django.utils import translation

from convivir.common import iso639
from convivir.common.inputs import whole_number
from convivir.places import has_coordinates
from directory.choices import HSDS_DAYS, ServiceStatus

# The namespace of every id the portal derives (see :func:`derived_id`);
# the importer derives its ids from the same one.
NAMESPACE = uuid.UUID("5d0c9a4e-61f3-4f0e-9b43-0f7f2b1a8c21")

HSDS_STATUS = {
    ServiceStatus.OPEN: "active",
    ServiceStatus.FULL: "active",
    ServiceStatus.TEMPORARILY_CLOSED: "temporarily closed",
}
FULL_ALERT = "Full: no space available at the moment."
OPEN_24_HOURS = "Open 24 hours"
# Opening hours are local time in Chiapas, Oaxaca and Tabasco: UTC-6 all
# year (HSDS assumes UTC without a timezone).
TIMEZONE = -6
ENGLISH_TEXT = (
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
)


def derived_id(kind: str, parent, key) -> str:
    """The stable id of a record derived from ``parent``'s field ``key``."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{parent}:{key}"))


def iso(moment) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def _date(moment) -> str | None:
    return moment.date().isoformat() if moment else None


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


def taxonomy(taxonomy) -> dict:
    return _compact(
        {
            "id": str(taxonomy.id),
            "name": taxonomy.name,
            "description": taxonomy.description or taxonomy.name,
            "uri": taxonomy.uri or None,
            "version": taxonomy.version or None,
        }
    )


def taxonomy_term(term, with_taxonomy=True) -> dict:
    data = _compact(
        {
            "id": str(term.id),
            "code": term.code,
            "name": term.name,
            "description": term.description or term.name,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy_id),
            "language": "en" if term.name == term.name_en else "es",
        }
    )
    if with_taxonomy:
        data["taxonomy_detail"] = taxonomy(term.taxonomy)
    return data


def _attributes(service) -> list[dict]:
    terms = [*service.service_types.all(), *service.populations.all()]
    return [
        {
            "id": derived_id("attribute", service.id, term.id),
            "link_id": str(service.id),
            "link_type": term.taxonomy.key,
            "link_entity": "service",
            "taxonomy_term_id": str(term.id),
            "taxonomy_term": taxonomy_term(term, with_taxonomy=False),
        }
        for term in terms
    ]


def organization_summary(organization) -> dict:
    return _compact(
        {
            "id": str(organization.id),
            "name": organization.name,
            "alternate_name": organization.alternate_name or None,
            "description": organization.description or organization.name,
            "email": organization.email or None,
            "website": organization.website or None,
        }
    )


def location(location, include_confidential=False, extension=False) -> dict:
    """An HSDS location, built from the whitelisted facts only. With
    ``extension``, the ``convivir`` object says whether it is confidential
    (data packages: the importer keeps the flag)."""
    facts = location.place_facts(reveal=include_confidential)
    data = _compact(
        {
            "id": str(location.id),
            "location_type": "physical",
            "organization_id": str(location.organization_id),
            "name": facts.get("name"),
            "description": facts.get("description"),
            "transportation": facts.get("transportation"),
        }
    )
    if facts.get("accessibility"):
        data["accessibility"] = [
            {
                "id": derived_id("accessibility", location.id, 0),
                "location_id": str(location.id),
                "description": facts["accessibility"],
            }
        ]
    if has_coordinates(facts):
        data["latitude"] = float(facts["latitude"])
        data["longitude"] = float(facts["longitude"])
    # Without a public street, the town alone: enough to know where help
    # is, not to find a house.
    address = {
        "id": derived_id("address", location.id, "physical"),
        "location_id": str(location.id),
        "address_1": facts.get("street", ""),
        "address_2": facts.get("neighbourhood"),
        "postal_code": facts.get("postal_code", ""),
        "city": facts["municipality"],
        "state_province": str(facts.get("state_name") or ""),
        "country": "MX",
        "address_type": "physical",
    }
    data["addresses"] = [_compact(address)]
    if extension:
        data["convivir"] = {"confidential": location.is_confidential}
    return data


def _service_at_location(sal, include_confidential=False, extension=False) -> dict:
    """Where a service is offered; the place's notes follow the place's
    confidentiality ("ring the shop's bell" finds a house too)."""
    data = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
    }
    if sal.description and (include_confidential or not sal.location.is_confidential):
        data["description"] = sal.description
    data["location"] = location(sal.location, include_confidential, extension)
    return data


def _alert(service) -> str | None:
    parts = [FULL_ALERT if service.status == ServiceStatus.FULL else "", service.alert]
    return " ".join(part for part in parts if part) or None


def _assurer_email(service) -> str | None:
    # Only a public address: the service's (or its organisation's) own,
    # when its own staff confirmed the entry through their monthly link.
    # An editor's or a contact's address is never published.
    if not service.verified_by_name:
        return None
    return service.email or service.organization.email or None


def service_summary(service) -> dict:
    """The one-to-one fields of a service (``/services`` list items)."""
    return _compact(
        {
            "id": str(service.id),
            "organization_id": str(service.organization_id),
            "name": service.name,
            "alternate_name": service.alternate_name or None,
            "description": service.description,
            "url": service.url or None,
            "email": service.email or None,
            "status": HSDS_STATUS[service.status],
            "alert": _alert(service),
            "interpretation_services": service.interpretation_services or None,
            "application_process": service.application_process or None,
            "eligibility_description": service.eligibility_description or None,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "fees_description": (
                service.fees_description if not service.is_free else "Free"
            ),
            "assured_date": _date(service.last_verified_at),
            "assurer_email": _assurer_email(service),
            "last_modified": iso(service.updated_at),
        }
    )


def service_extension(service, include_confidential=False) -> dict:
    """The ``convivir`` object of a service: what HSDS has no field for."""
    text_en = {
        name: getattr(service, f"{name}_en")
        for name in ENGLISH_TEXT
        if getattr(service, f"{name}_en")
    }
    data = {
        "slug": service.slug,
        "status": service.status,
        "status_changed_at": iso(service.status_changed_at),
        "is_free": service.is_free,
        "open_24_hours": service.open_24_hours,
        "by_appointment": service.by_appointment,
        "capacity": service.capacity,
        "last_verified_at": iso(service.last_verified_at),
        "text_en": text_en,
    }
    if include_confidential and service.verified_by_name:
        data["verified_by_name"] = service.verified_by_name
    return data


def _phone(service, phone) -> dict:
    # HSDS extensions are numbers; one that is not ("12#") goes with the
    # description, where a person still reads it.
    extension = phone.extension.strip()
    number_extension = whole_number(extension)
    if number_extension is not None and number_extension < 0:
        number_extension = None
    parts = [
        phone.description,
        f"ext. {extension}" if extension and number_extension is None else "",
        "WhatsApp" if phone.whatsapp else "",
    ]
    description = " ".join(part for part in parts if part) or None
    return _compact(
        {
            "id": str(phone.id),
            "service_id": str(service.id),
            "number": phone.number,
            "extension": number_extension,
            "type": phone.kind,
            "description": description,
            "convivir": {"whatsapp": phone.whatsapp},
        }
    )


def _schedules(service) -> list[dict]:
    if service.open_24_hours:
        return [
            {
                "id": derived_id("schedule", service.id, "24h"),
                "service_id": str(service.id),
                "timezone": TIMEZONE,
                "freq": "WEEKLY",
                "interval": 1,
                "byday": ",".join(HSDS_DAYS),
                "opens_at": "00:00",
                "closes_at": "23:59",
                "description": OPEN_24_HOURS,
            }
        ]
    attending = "by appointment" if service.by_appointment else "walk in"
    return [
        _compact(
            {
                "id": str(schedule.id),
                "service_id": str(service.id),
                "timezone": TIMEZONE,
                "freq": "WEEKLY",
                "interval": 1,
                "wkst": "MO",
                "byday": HSDS_DAYS[schedule.weekday],
                "opens_at": f"{schedule.opens_at:%H:%M}",
                "closes_at": f"{schedule.closes_at:%H:%M}",
                "attending_type": attending,
                "description": schedule.description or None,
                "notes": schedule.notes or None,
            }
        )
        for schedule in service.schedules.all()
    ]


def _languages(service) -> list[dict]:
    with translation.override("en"):
        return [
            {
                "id": derived_id("language", service.id, code),
                "service_id": str(service.id),
                "name": iso639.name(code),
                "code": code,
            }
            for code in service.languages or []
        ]


def service(service, include_confidential=False, extension=False) -> dict:
    """A fully nested service (``/services/{id}``, data packages), with its
    ``convivir`` object. Contacts (private e-mails) only with
    ``include_confidential``; ``extension`` adds the ``convivir`` object of
    each location (data packages)."""
    data = service_summary(service)
    data["organization"] = organization_summary(service.organization)
    data["phones"] = [_phone(service, phone) for phone in service.phones.all()]
    data["schedules"] = _schedules(service)
    data["service_at_locations"] = [
        _service_at_location(sal, include_confidential, extension)
        for sal in service.service_at_locations.all()
    ]
    data["languages"] = _languages(service)
    data["required_documents"] = [
        {"id": str(doc.id), "service_id": str(service.id), "document": doc.document}
        for doc in service.required_documents.all()
    ]
    data["attributes"] = _attributes(service)
    if include_confidential:
        data["contacts"] = [
            _compact(
                {
                    "id": str(contact.id),
                    "service_id": str(service.id),
                    "name": contact.name,
                    "title": contact.title or None,
                    "email": contact.email or None,
                    "convivir": {"language": contact.language},
                }
            )
            for contact in service.contacts.all()
        ]
    data["convivir"] = service_extension(service, include_confidential)
    return data


def service_at_location(sal, full=False) -> dict:
    """A service at a location; ``full`` nests the whole service."""
    nested = service(sal.service) if full else service_summary(sal.service)
    return {**_service_at_location(sal), "service": nested}


def organization(organization, services, full_service=False) -> dict:
    """A nested organisation with its public ``services`` (summaries, or
    fully nested with ``full_service``) and its locations."""
    data = organization_summary(organization)
    data["services"] = [
        service(s) if full_service else service_summary(s) for s in services
    ]
    data["locations"] = [location(loc) for loc in organization.locations.all()]
    return data
