"""HSDS 3.0 objects from the directory's models, for the API and the data
packages. Places come only through the one whitelist
(:meth:`Location.place_facts`): a confidential location is its town alone,
unless the caller explicitly asks for confidential data
(``include_confidential``, staff exports guarded by the permission and the
audit log).

Status: HSDS knows ``active``, ``inactive``, ``defunct`` and ``temporarily
closed``. "Open" and "full" are both ``active``; "full" adds an ``alert``.
"""

from convivir.places import has_coordinates
from directory.choices import HSDS_DAYS, ServiceStatus

HSDS_STATUS = {
    ServiceStatus.OPEN: "active",
    ServiceStatus.FULL: "active",
    ServiceStatus.TEMPORARILY_CLOSED: "temporarily closed",
}
FULL_ALERT = "Full: no space available at the moment."


def _iso(moment) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def _date(moment) -> str | None:
    return moment.date().isoformat() if moment else None


def taxonomy(taxonomy) -> dict:
    data = {
        "id": str(taxonomy.id),
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": taxonomy.uri or None,
        "version": taxonomy.version or None,
    }
    return {k: v for k, v in data.items() if v is not None}


def taxonomy_term(term, with_taxonomy=True) -> dict:
    data = {
        "id": str(term.id),
        "code": term.code,
        "name": term.name,
        "description": term.description or term.name,
        "taxonomy": term.taxonomy.name,
        "taxonomy_id": str(term.taxonomy_id),
        "language": "en" if term.name == term.name_en else "es",
    }
    if with_taxonomy:
        data["taxonomy_detail"] = taxonomy(term.taxonomy)
    return {k: v for k, v in data.items() if v is not None}


def _attributes(service) -> list[dict]:
    terms = [*service.service_types.all(), *service.populations.all()]
    return [
        {
            "id": f"{service.id}-{term.id}",
            "link_id": str(service.id),
            "link_type": term.taxonomy.key,
            "link_entity": "service",
            "taxonomy_term_id": str(term.id),
            "taxonomy_term": taxonomy_term(term, with_taxonomy=False),
        }
        for term in terms
    ]


def organization_summary(organization) -> dict:
    data = {
        "id": str(organization.id),
        "name": organization.name,
        "alternate_name": organization.alternate_name or None,
        "description": organization.description,
        "email": organization.email or None,
        "website": organization.website or None,
    }
    return {k: v for k, v in data.items() if v is not None}


def location(location, include_confidential=False) -> dict:
    """An HSDS location, built from the whitelisted facts only."""
    facts = location.place_facts(reveal=include_confidential)
    data = {
        "id": str(location.id),
        "location_type": "physical",
        "organization_id": str(location.organization_id),
        "name": facts.get("name"),
        "description": facts.get("description"),
        "transportation": facts.get("transportation"),
    }
    if facts.get("accessibility"):
        data["accessibility"] = [
            {
                "id": f"{location.id}-accessibility",
                "location_id": str(location.id),
                "description": facts["accessibility"],
            }
        ]
    if has_coordinates(facts):
        data["latitude"] = facts["latitude"]
        data["longitude"] = facts["longitude"]
    # Without a public street, the town alone: enough to know where help
    # is, not to find a house.
    address = {
        "id": f"{location.id}-address",
        "location_id": str(location.id),
        "address_1": facts.get("street", ""),
        "address_2": facts.get("neighbourhood"),
        "postal_code": facts.get("postal_code", ""),
        "city": facts["municipality"],
        "state_province": facts["state_name"],
        "country": "MX",
        "address_type": "physical",
    }
    data["addresses"] = [{k: v for k, v in address.items() if v is not None}]
    return {k: v for k, v in data.items() if v is not None}


def _service_at_location(sal, include_confidential=False) -> dict:
    """Where a service is offered; the place's notes follow the place's
    confidentiality ("ring the shop's bell" finds a house too)."""
    data = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
    }
    if sal.description and (include_confidential or not sal.location.is_confidential):
        data["description"] = sal.description
    data["location"] = location(sal.location, include_confidential)
    return data


def service_summary(service) -> dict:
    """The one-to-one fields of a service (``/services`` list items)."""
    data = {
        "id": str(service.id),
        "organization_id": str(service.organization_id),
        "name": service.name,
        "description": service.description,
        "url": service.url or None,
        "email": service.email or None,
        "status": HSDS_STATUS[service.status],
        "alert": FULL_ALERT if service.status == ServiceStatus.FULL else None,
        "application_process": service.application_process or None,
        "eligibility_description": service.eligibility_description or None,
        "fees_description": (
            service.fees_description if not service.is_free else "Free"
        ),
        "assured_date": _date(service.last_verified_at),
        "last_modified": _iso(service.updated_at),
    }
    return {k: v for k, v in data.items() if v is not None}


def service(service, include_confidential=False) -> dict:
    """A fully nested service (``/services/{id}``, data packages)."""
    data = service_summary(service)
    data["organization"] = organization_summary(service.organization)
    data["phones"] = [
        {
            "id": str(phone.id),
            "service_id": str(service.id),
            "number": phone.number,
            "type": "text" if phone.whatsapp else "voice",
            "description": (
                " ".join(p for p in (phone.description, "WhatsApp") if p)
                if phone.whatsapp
                else phone.description or None
            ),
        }
        for phone in service.phones.all()
    ]
    data["phones"] = [
        {k: v for k, v in p.items() if v is not None} for p in data["phones"]
    ]
    if service.open_24_hours:
        data["schedules"] = [
            {
                "id": f"{service.id}-24h",
                "service_id": str(service.id),
                "freq": "WEEKLY",
                "byday": ",".join(HSDS_DAYS),
                "opens_at": "00:00",
                "closes_at": "23:59",
                "description": "Open 24 hours",
            }
        ]
    else:
        data["schedules"] = [
            {
                "id": str(schedule.id),
                "service_id": str(service.id),
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": HSDS_DAYS[schedule.weekday],
                "opens_at": f"{schedule.opens_at:%H:%M}",
                "closes_at": f"{schedule.closes_at:%H:%M}",
                "attending_type": (
                    "by appointment" if service.by_appointment else "walk in"
                ),
                **({"notes": schedule.notes} if schedule.notes else {}),
            }
            for schedule in service.schedules.all()
        ]
    data["service_at_locations"] = [
        _service_at_location(sal, include_confidential)
        for sal in service.service_at_locations.all()
    ]
    data["languages"] = [
        {"id": f"{service.id}-{code}", "service_id": str(service.id), "code": code}
        for code in service.languages
    ]
    data["required_documents"] = [
        {"id": str(doc.id), "service_id": str(service.id), "document": doc.document}
        for doc in service.required_documents.all()
    ]
    data["attributes"] = _attributes(service)
    if include_confidential:
        data["contacts"] = [
            {
                "id": str(contact.id),
                "service_id": str(service.id),
                "name": contact.name,
                **({"title": contact.title} if contact.title else {}),
                **({"email": contact.email} if contact.email else {}),
            }
            for contact in service.contacts.all()
        ]
    return data


def service_at_location(sal) -> dict:
    return {**_service_at_location(sal), "service": service_summary(sal.service)}


def organization(organization, services) -> dict:
    data = organization_summary(organization)
    data["services"] = [service_summary(s) for s in services]
    data["locations"] = [location(loc) for loc in organization.locations.all()]
    return data
