"""The directory's optional map: the points a listing may place, and the
one image host the page's policy then allows.

Nothing is fetched from another host until the visitor asks for the map:
the page carries the points and the addresses of Leaflet's own files (served
by the site); the script loads Leaflet and the tiles only after the tap.

Points come from :meth:`Location.public_place` alone, which gives no
coordinates for a confidential location, and a confidential place is
skipped besides: such a shelter is never on the map."""

from urllib.parse import urlsplit

from convivir.places import has_coordinates
from directory import conf

LEAFLET_SCRIPT = "leaflet/leaflet.js"
LEAFLET_STYLE = "leaflet/leaflet.css"


def tile_origin(tiles: str) -> str:
    """``https://tile.openstreetmap.org`` for the template address."""
    parts = urlsplit(tiles)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def points(rows, service_url) -> list[dict]:
    """One point per public location with coordinates of the services in
    ``rows`` (as the listing views build them), in the listing's order:
    name (and its language), service page, latitude and longitude."""
    found = []
    for row in rows:
        for place in row["places"]:
            if place.get("confidential") or not has_coordinates(place):
                continue
            found.append(
                {
                    "name": row["name"].value,
                    "lang": row["name"].lang,
                    "url": service_url(row["service"].slug),
                    "lat": round(float(place["latitude"]), 5),
                    "lon": round(float(place["longitude"]), 5),
                }
            )
    return found


def offer(rows, service_url) -> dict | None:
    """What the template needs to offer the map, or None: no tile address
    configured, or nothing in ``rows`` that may be placed."""
    tiles = conf.map_tiles()
    origin = tile_origin(tiles)
    if not origin:
        return None
    found = points(rows, service_url)
    if not found:
        return None
    return {"tiles": tiles, "origin": origin, "points": found}


def allow_tiles(response, offered: dict | None):
    """Let the page's images come from the tile host too (the policy is
    otherwise same-origin only), on the pages that offer the map."""
    if offered:
        response._csp_update = {"img-src": [offered["origin"]]}
    return response
