"""schema.org JSON-LD for a service page, in the page's language (the
English name and description on an English page when they are written).
Places come only through :meth:`Location.public_place`: a confidential
location appears as its town alone."""

from convivir.jsonld import json_ld_script
from convivir.places import has_coordinates, street_line
from directory.choices import PhoneKind

SCHEMA_DAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]


def _place(location) -> dict:
    facts = location.public_place()
    place = {"@type": "Place"}
    if facts.get("name"):
        place["name"] = facts["name"]
    address = {"@type": "PostalAddress"}
    if street_line(facts):
        address["streetAddress"] = " ".join(
            facts[k] for k in ("street", "neighbourhood") if facts.get(k)
        )
    if facts.get("postal_code"):
        address["postalCode"] = facts["postal_code"]
    address.update(
        addressLocality=facts["municipality"],
        addressRegion=facts["state_name"],
        addressCountry="MX",
    )
    place["address"] = address
    if has_coordinates(facts):
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": facts["latitude"],
            "longitude": facts["longitude"],
        }
    return place


def _contact_point(phone) -> dict:
    if phone.kind == PhoneKind.FAX:
        return {"@type": "ContactPoint", "faxNumber": phone.number}
    point = {"@type": "ContactPoint", "telephone": phone.number}
    if phone.extension:
        point["telephone"] += f" ext. {phone.extension}"
    return point


def service_data(service, url: str) -> dict:
    name = service.text("name")
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "url": url,
        "name": name.value,
        "description": service.text("description").value,
        "serviceType": [term.name for term in service.service_types.all()],
        "provider": {"@type": "Organization", "name": service.organization.name},
        "areaServed": [{"@type": "City", "name": town} for town in service.towns()],
        "availableChannel": {
            "@type": "ServiceChannel",
            "servicePhone": [_contact_point(phone) for phone in service.phones.all()],
            "serviceLocation": [_place(location) for location in service.locations()],
        },
        "isAccessibleForFree": service.is_free,
    }
    # The name in the other language, for searches in either.
    other = service.name if name.value != service.name else service.alternate_name
    if other:
        data["alternateName"] = other
    ages = {
        key: age
        for key, age in (
            ("suggestedMinAge", service.minimum_age),
            ("suggestedMaxAge", service.maximum_age),
        )
        if age is not None
    }
    if ages:
        data["audience"] = {"@type": "PeopleAudience", **ages}
    if service.open_24_hours:
        data["hoursAvailable"] = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS,
            "opens": "00:00",
            "closes": "23:59",
        }
    elif service.schedules.all():
        data["hoursAvailable"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": SCHEMA_DAYS[schedule.weekday],
                "opens": f"{schedule.opens_at:%H:%M}",
                "closes": f"{schedule.closes_at:%H:%M}",
            }
            for schedule in service.schedules.all()
        ]
    if service.last_verified_at:
        data["dateModified"] = service.last_verified_at.isoformat()
    return data


def service_jsonld(service, url: str) -> str:
    """The JSON-LD, safe to put inside a ``<script>`` element."""
    return json_ld_script(service_data(service, url))
