"""Parsing a row of the portal's CSV template (the spreadsheet staff keep)
into a :class:`~directory.exchange.parse.Row`. The template holds the
directory's own codes, so an unknown term or state is an error."""

import uuid

from django.utils.text import slugify

from directory.choices import ServiceStatus
from directory.exchange import values
from directory.exchange.notes import Notes, attempt
from directory.exchange.parse import Row
from directory.exchange.read import CSV_REQUIRED
from directory.exchange.terms import TermIndex
from directory.exchange.values import NAMESPACE, Problem, text

YES = {"1", "yes", "si", "sí", "true", "x", "y", "s"}


def parse_csv_row(
    number: int, data: dict, terms: TermIndex, notes: Notes
) -> Row | None:
    """A row of the spreadsheet template as a :class:`Row`, its problems in
    ``notes``."""
    missing = [name for name in CSV_REQUIRED if not text(data.get(name))]
    if missing:
        notes.error(
            Problem(
                missing[0],
                "empty " + ", ".join(missing),
                "",
                "a value in each of " + ", ".join(CSV_REQUIRED),
            )
        )
        return None
    organization_name = text(data["organization"])
    organization_id = uuid.uuid5(
        NAMESPACE, f"organization:{slugify(organization_name)}"
    )
    service_id = (
        attempt(notes, values.uuid_of, text(data["id"]), "id")
        if text(data.get("id"))
        else uuid.uuid5(NAMESPACE, f"service:{organization_id}:{slugify(data['name'])}")
    )
    notes.record_id = str(service_id or notes.record_id)
    is_yes = lambda name: text(data.get(name)).lower() in YES  # noqa: E731
    status = text(data.get("status")) or ServiceStatus.OPEN
    if status not in ServiceStatus.values:
        notes.error(
            Problem(
                "status",
                f"unknown status {status!r}",
                status,
                ", ".join(ServiceStatus.values),
            )
        )
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
            "name": text(data["name"]),
            "slug": "",
            "description": text(data.get("description")) or text(data["name"]),
            "url": text(data.get("website")),
            "email": text(data.get("email")),
            "status": status,
            "open_24_hours": is_yes("open_24_hours"),
        },
        service_types=attempt(
            notes, terms.codes, data["service_types"], "service_type", default=[]
        ),
        populations=attempt(
            notes, terms.codes, data.get("populations", ""), "population", default=[]
        ),
    )
    latitude = attempt(
        notes, values.coordinate, data.get("latitude"), -90, 90, "latitude"
    )
    longitude = attempt(
        notes, values.coordinate, data.get("longitude"), -180, 180, "longitude"
    )
    if (text(data.get("latitude")) == "") != (text(data.get("longitude")) == ""):
        notes.error(
            Problem(
                "latitude",
                "give both latitude and longitude, or neither",
                "",
                "both columns filled, or both empty",
            )
        )
    state = attempt(notes, values.state, data["state"], default="")
    row.locations.append(
        {
            "id": uuid.uuid5(NAMESPACE, f"location:{service_id}"),
            "sal_id": uuid.uuid5(NAMESPACE, f"sal:{service_id}"),
            "sal_description": "",
            "name": text(data["name"]),
            "description": "",
            "transportation": "",
            "address_1": text(data.get("address")),
            "address_2": text(data.get("neighbourhood")),
            "postal_code": text(data.get("postal_code")),
            "municipality": text(data["municipality"]),
            "state": state,
            "latitude": latitude,
            "longitude": longitude,
            "accessibility": "",
        }
    )
    # The template marks a place confidential; it never lifts the flag.
    if is_yes("confidential"):
        row.locations[-1]["is_confidential"] = True
    if text(data.get("phone")):
        row.phones.append(
            {
                "id": uuid.uuid5(NAMESPACE, f"phone:{service_id}"),
                "number": attempt(notes, values.phone, data["phone"], "phone"),
                "extension": "",
                "kind": "voice",
                "description": "",
                "whatsapp": is_yes("whatsapp"),
            }
        )
    return row
