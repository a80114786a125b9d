"""schema.org JSON-LD for a service page. Places come only from
:meth:`Location.public_address` and :meth:`Location.public_coordinates`: a
confidential location appears as its town alone."""

from convivir.jsonld import json_ld_script

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
    place = {"@type": "Place", "name": location.name}
    address = location.public_address()
    if address:
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": " ".join(
                part for part in (address["address_1"], address["address_2"]) if part
            ),
            "postalCode": address["postal_code"],
            "addressLocality": location.municipality,
            "addressRegion": address["state"],
            "addressCountry": "MX",
        }
    else:
        place["address"] = {
            "@type": "PostalAddress",
            "addressLocality": location.municipality,
            "addressRegion": location.get_state_display(),
            "addressCountry": "MX",
        }
    coordinates = location.public_coordinates()
    if coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": coordinates[0],
            "longitude": coordinates[1],
        }
    return place


def service_data(service, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "url": url,
        "name": service.name,
        "description": service.description,
        "serviceType": [term.name for term in service.service_types.all()],
        "provider": {"@type": "Organization", "name": service.organization.name},
        "areaServed": [{"@type": "City", "name": town} for town in service.towns()],
        "availableChannel": {
            "@type": "ServiceChannel",
            "servicePhone": [
                {"@type": "ContactPoint", "telephone": phone.number}
                for phone in service.phones.all()
            ],
            "serviceLocation": [_place(location) for location in service.locations()],
        },
        "isAccessibleForFree": service.is_free,
    }
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
