"""What the public may know of a place.

A place (a directory location, an event venue, where a volunteer opportunity
happens) may be **confidential**: a shelter for survivors of trafficking or
violence. The public then learns its town and state, and nothing else: not
its name, street, neighbourhood, postal code or coordinates, nor the free
text written about it ("get off opposite the church", "ramp at the back
door"), any of which can be enough to find the house.

:func:`public_place` is the one whitelist. Every output that shows a place
(pages, JSON-LD, sitemap, the HSDS API and data packages, printable sheets,
calendars, e-mails) reads it only through this function, so a field added
to :class:`Place` later stays private until it is named in
:data:`CONFIDENTIAL_FIELDS`.
"""

from dataclasses import dataclass, fields

# Everything a confidential place may show. Any other fact is private.
CONFIDENTIAL_FIELDS = frozenset({"confidential", "municipality", "state", "state_name"})


@dataclass(frozen=True)
class Place:
    """Everything known about a place, as its owner describes it."""

    municipality: str
    state: str
    state_name: str
    confidential: bool = False
    name: str = ""
    street: str = ""
    neighbourhood: str = ""
    postal_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    description: str = ""
    transportation: str = ""
    accessibility: str = ""


def public_place(place: Place, *, reveal: bool = False) -> dict:
    """The facts of ``place`` the public may see, without empty values;
    ``confidential`` is always there. ``reveal`` gives every fact, for staff
    outputs that are themselves guarded (permission and audit log)."""
    facts = {field.name: getattr(place, field.name) for field in fields(place)}
    if place.confidential and not reveal:
        facts = {k: v for k, v in facts.items() if k in CONFIDENTIAL_FIELDS}
    shown = {k: v for k, v in facts.items() if v not in ("", None)}
    shown["confidential"] = place.confidential
    return shown


def has_coordinates(facts: dict) -> bool:
    return facts.get("latitude") is not None and facts.get("longitude") is not None


def directions_url(facts: dict) -> str:
    """A maps link for a place the public may find (opened only when the
    visitor taps it); empty without public coordinates."""
    if not has_coordinates(facts):
        return ""
    return (
        "https://www.openstreetmap.org/directions?to="
        f"{facts['latitude']:.6f}%2C{facts['longitude']:.6f}"
    )


def street_line(facts: dict) -> str:
    """Street, neighbourhood and postal code, as far as they are public."""
    parts = (facts.get(k, "") for k in ("street", "neighbourhood", "postal_code"))
    return ", ".join(part for part in parts if part)


def one_line(facts: dict) -> str:
    """Name, street, town and state on one line (calendars, e-mails)."""
    parts = (
        facts.get("name", ""),
        street_line(facts),
        facts.get("municipality", ""),
        str(facts.get("state_name", "")),
    )
    return ", ".join(part for part in parts if part)
