"""Where a service is offered, from an HSDS service-at-location and its
location: the address (the state as the directory knows it, or none with a
warning), coordinates (dropped with a warning when impossible),
accessibility and transportation, and the confidentiality the portal's
``convivir`` extension gives (none: public)."""

from directory.exchange import values
from directory.exchange.notes import Notes, attempt
from directory.exchange.values import Problem, text


def _address(location: dict, notes: Notes) -> tuple[dict, str]:
    """The physical address (or the first one), and its state's code."""
    addresses = location.get("addresses") or []
    address = next((a for a in addresses if a.get("address_type") == "physical"), None)
    address = address or (addresses[0] if addresses else {})
    notes.fields(address, "address", "service_at_locations.location.addresses.")
    name = text(location.get("name")) or text(address.get("city"))
    state = ""
    if text(address.get("state_province")):
        state = attempt(
            notes,
            values.state,
            address["state_province"],
            default="",
            warn=f'location "{name}" is imported with no state',
        )
    country = text(address.get("country")).upper()
    if country not in ("", "MX", "MEX", "MEXICO", "MÉXICO"):
        notes.warn(
            Problem("country", f'location "{name}" is outside Mexico', country, "MX"),
            "it is imported as it is",
        )
    return address, state


def location_of(sal: dict, notes: Notes) -> dict | None:
    data = sal.get("location")
    if not isinstance(data, dict):
        notes.warn(
            Problem(
                "location_id",
                f"service_at_location {text(sal.get('id'))} has no location",
                sal.get("location_id"),
                "a location object, or locations.csv in a tabular package",
            ),
            "that place is not imported",
        )
        return None
    notes.fields(data, "location", "service_at_locations.location.")
    name = text(data.get("name"))
    if text(data.get("location_type")).lower() == "virtual":
        notes.warn(
            Problem(
                "location_type",
                f'location "{name}" is virtual',
                "virtual",
                "physical or postal places",
            ),
            "the directory lists places people can go to; it is not imported",
        )
        return None
    address, state = _address(data, notes)
    if not text(address.get("city")):
        notes.warn(
            Problem(
                "city",
                f'location "{name}" has no city',
                "",
                "the municipality in the address's city",
            ),
            "it is imported without one; add it in the admin",
        )
    accessibility = []
    for item in data.get("accessibility") or []:
        notes.fields(
            item, "accessibility", "service_at_locations.location.accessibility."
        )
        accessibility += [text(item.get("description")), text(item.get("details"))]
    where = f'location "{text(data.get("name"))}" is imported without coordinates'
    latitude = attempt(
        notes, values.coordinate, data.get("latitude"), -90, 90, "latitude", warn=where
    )
    longitude = attempt(
        notes,
        values.coordinate,
        data.get("longitude"),
        -180,
        180,
        "longitude",
        warn=where,
    )
    if latitude is None or longitude is None:
        latitude = longitude = None
    location = {
        "id": attempt(
            notes, values.uuid_of, data.get("id"), "location id", "location.id"
        ),
        "sal_id": attempt(
            notes,
            values.uuid_of,
            sal.get("id"),
            "service_at_location id",
            "service_at_locations.id",
        ),
        "sal_description": text(sal.get("description")),
        "name": notes.fit(
            text(data.get("name")) or address.get("city"), 200, "location.name"
        ),
        "description": text(data.get("description")),
        "transportation": text(data.get("transportation")),
        "address_1": notes.fit(address.get("address_1"), 200, "address_1"),
        "address_2": notes.fit(address.get("address_2"), 200, "address_2"),
        "postal_code": notes.fit(address.get("postal_code"), 10, "postal_code"),
        "municipality": notes.fit(address.get("city"), 80, "city"),
        "state": state,
        "latitude": latitude,
        "longitude": longitude,
        "accessibility": "\n".join(filter(None, accessibility)),
    }
    # Only the portal's own extension says whether a place is confidential;
    # without it the directory's flag stays as it is.
    confidential = (data.get("convivir") or {}).get("confidential")
    if isinstance(confidential, bool):
        location["is_confidential"] = confidential
    return location
