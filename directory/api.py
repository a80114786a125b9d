"""The read-only HSDS 3.0 API (``/api/hsds/``), following the
specification's ``openapi.json``: paginated lists (``page``, ``per_page``)
with ``total_items``, ``total_pages``, ``page_number``, ``size``,
``first_page``, ``last_page``, ``empty`` and ``contents``, or every result
as one JSON object a line with ``format=ndjson``.

Only public entries are served (published, verified within the configured
period); confidential locations carry their town only, and searching by
place (``postcode``, ``proximity``) never matches them: they have no public
address or coordinates. Each endpoint accepts the parameters the
specification gives it and the extensions listed in :data:`EXTENSIONS`;
any other answers 400 naming it. Other methods than GET and HEAD answer 405,
unknown addresses 404, always in JSON."""

import json
import uuid
from math import ceil

from django.db.models import Prefetch, Q
from django.http import JsonResponse, StreamingHttpResponse
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt

from convivir import pagecache
from directory import hsds
from directory.api_query import BadRequest, Query
from directory.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from directory.models.services import SERVICES_KIND
from search import engine
from search.places import bounding_box, distance_km
from search.query import Query as SearchQuery

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
STREAM_CHUNK = 200
METHODS = ("GET", "HEAD")
PAGED = {"page", "per_page", "format"}
SERVICE_FILTERS = {
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
}
OPENAPI_URL = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
    "openapi.json"
)
# What the portal adds to the specification, announced by the root.
EXTENSIONS = {
    "parameters": {
        "/services": {
            "state": "chiapas, oaxaca or tabasco: services offered in that state",
            "municipality": "a town's name or slug: services offered there",
        },
        "/service_at_locations": {
            "proximity": (
                "lat,long[,radius in km, 10 by default], or metres from the "
                "centre of postcode; confidential locations never match"
            ),
        },
    },
    "paths": {
        "/locations": "paginated public locations (town only when confidential)",
        "/locations/{id}": "one location used by a public service",
    },
    "objects": {
        "convivir": (
            "values HSDS has no field for: on a service slug, status (open, "
            "full, temporarily_closed), status_changed_at, is_free, "
            "open_24_hours, by_appointment, capacity, last_verified_at and "
            "text_en (English text); on a phone whatsapp"
        ),
    },
}


def _json(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return pagecache.depends_on(response, "directory")


def _error(message, status, **extra):
    return _json({"error": message, **extra}, status=status)


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any address under the API that names no endpoint, whatever the method."""
    request.urlconf = "directory.api_urlconf"
    response = _error("not found", 404)
    if request.method == "HEAD":
        response.content = b""
    return response


def api_view(*allowed):
    """GET and HEAD only (HEAD: the headers of GET, no body); the query
    string read by a :class:`Query` of the ``allowed`` parameters; bad
    parameters answer 400 with a JSON message naming them; "not found"
    stays a JSON 404."""

    def decorator(view):
        def wrapper(request, *args, **kwargs):
            if request.method not in METHODS:
                response = _error(
                    f"method {request.method} not allowed", 405, allowed=list(METHODS)
                )
                response["Allow"] = ", ".join(METHODS)
                return response
            try:
                response = view(request, Query(request, set(allowed)), *args, **kwargs)
            except BadRequest as error:
                response = _error(str(error), 400, parameter=error.parameter)
            if response.status_code == 404:
                request.urlconf = "directory.api_urlconf"
            if request.method == "HEAD":
                if response.streaming:
                    response.streaming_content = []
                else:
                    response["Content-Length"] = str(len(response.content))
                    response.content = b""
            return response

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        # A read-only API with no session state: CSRF protection has nothing
        # to protect, and its 403 page would answer other methods in HTML.
        return csrf_exempt(wrapper)

    return decorator


def _ndjson(queryset, serialize):
    for row in queryset.iterator(chunk_size=STREAM_CHUNK):
        yield json.dumps(serialize(row), ensure_ascii=False) + "\n"


def _listing(query, queryset, serialize):
    """A page of ``queryset`` (or all of it as NDJSON), serialized."""
    if query.format() == "ndjson":
        response = StreamingHttpResponse(
            _ndjson(queryset, serialize), content_type="application/x-ndjson"
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response
    per_page = query.integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    number = query.integer("page", 1, 1, 10**9)
    total = queryset.count()
    pages = max(1, ceil(total / per_page))
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page]) if start < total else []
    return _json(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": len(rows),
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": not rows,
            "contents": [serialize(row) for row in rows],
        }
    )


def _ranked_keys(query) -> list[uuid.UUID]:
    """The services the ``search`` words find, best first, through the
    search app's interface (the directory page's ranking)."""
    if not hasattr(query, "ranked"):
        keys = engine.ranked_keys(SERVICES_KIND, SearchQuery(text=query.text("search")))
        query.ranked = [uuid.UUID(key) for key in keys]
    return query.ranked


class _Ranked:
    """A queryset's rows in the search's order, paged and streamed like a
    queryset."""

    def __init__(self, queryset, keys, filtered=True):
        self.queryset = queryset
        self.keys = keys
        if filtered:
            # Read off the filtered rows (thousands of keys in SQL cost more);
            # without other filters every key is public, as is the index.
            present = set(queryset.values_list("pk", flat=True))
            self.keys = [key for key in keys if key in present]

    def count(self) -> int:
        return len(self.keys)

    def __getitem__(self, part: slice):
        keys = self.keys[part]
        rows = {row.pk: row for row in self.queryset.filter(pk__in=keys)}
        return [rows[key] for key in keys if key in rows]

    def iterator(self, chunk_size):
        for start in range(0, len(self.keys), chunk_size):
            yield from self[start : start + chunk_size]


def _public_services(query, search=True):
    """Public services, filtered by ``query``'s parameters (and words)."""
    queryset = Service.objects.public()
    if search and query.text("search"):
        queryset = queryset.filter(pk__in=_ranked_keys(query))
    if term := query.uuid("taxonomy_term_id"):
        queryset = queryset.filter(
            pk__in=Service.objects.filter(
                Q(service_types__id=term) | Q(populations__id=term)
            ).values("pk")
        )
    if taxonomy_id := query.uuid("taxonomy_id"):
        queryset = queryset.filter(
            pk__in=Service.objects.filter(
                Q(service_types__taxonomy_id=taxonomy_id)
                | Q(populations__taxonomy_id=taxonomy_id)
            ).values("pk")
        )
    if organization_id := query.uuid("organization_id"):
        queryset = queryset.filter(organization_id=organization_id)
    if modified_after := query.moment("modified_after"):
        queryset = queryset.filter(updated_at__gte=modified_after)
    # Town and state are public even for a confidential place.
    places = {}
    if state := query.state():
        places["location__state"] = state
    if municipality := query.text("municipality"):
        places["location__town"] = slugify(municipality)
    if places:
        queryset = queryset.filter(
            pk__in=ServiceAtLocation.objects.filter(**places).values("service_id")
        )
    return queryset


def _detail_queryset():
    return (
        Service.objects.public()
        .for_listing()
        .prefetch_related("required_documents", "populations__taxonomy")
        .prefetch_related("service_types__taxonomy")
    )


def _minimal(service) -> dict:
    # The specification's "just id and modified date".
    return {"id": str(service.id), "last_modified": hsds.iso(service.updated_at)}


@api_view()
def root(request, query):
    return _json(
        {
            "version": "3.0",
            "profile": "https://docs.openreferral.org/en/3.0/",
            "openapi_url": OPENAPI_URL,
            "extensions": EXTENSIONS,
        }
    )


@api_view(*PAGED, *SERVICE_FILTERS, "minimal", "full", "state", "municipality")
def services(request, query):
    queryset = _public_services(query, search=False)  # _Ranked keeps the words
    if query.boolean("minimal"):
        queryset, serialize = queryset.only("id", "updated_at"), _minimal
    elif query.boolean("full"):
        queryset = _detail_queryset().filter(pk__in=queryset.values("pk"))
        serialize = hsds.service
    else:
        queryset, serialize = (
            queryset.select_related("organization"),
            hsds.service_summary,
        )
    if query.text("search"):
        others = (SERVICE_FILTERS - {"search"}) | {"state", "municipality"}
        filtered = any(query.params.get(name) for name in others)
        return _listing(
            query, _Ranked(queryset, _ranked_keys(query), filtered), serialize
        )
    return _listing(query, queryset.order_by("name", "pk"), serialize)


@api_view()
def service_detail(request, query, pk):
    service = _detail_queryset().filter(pk=pk).first()
    if service is None:
        return _error("not found", 404)
    return _json(hsds.service(service))


def _organizations(full_service):
    public = _detail_queryset() if full_service else Service.objects.public()
    return Organization.objects.prefetch_related(
        Prefetch(
            "services",
            queryset=public.select_related("organization").order_by("name", "pk"),
            to_attr="public_services",
        ),
        "locations",
    )


@api_view(*PAGED, "search", "full", "full_service")
def organizations(request, query):
    full_service = query.boolean("full_service")
    if full_service or query.boolean("full"):
        queryset = _organizations(full_service)

        def serialize(organization):
            return hsds.organization(
                organization, organization.public_services, full_service
            )
    else:
        queryset, serialize = Organization.objects.all(), hsds.organization_summary
    queryset = queryset.filter(
        pk__in=Service.objects.public().values("organization_id")
    )
    if search := query.text("search"):
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(alternate_name__icontains=search)
        )
    return _listing(query, queryset.order_by("name", "pk"), serialize)


@api_view("full_service")
def organization_detail(request, query, pk):
    full_service = query.boolean("full_service")
    organization = _organizations(full_service).filter(pk=pk).first()
    if organization is None or not organization.public_services:
        return _error("not found", 404)
    return _json(
        hsds.organization(organization, organization.public_services, full_service)
    )


def _service_at_locations(services=None, full=False):
    """Where public services are offered; ``full`` prefetches each whole
    service instead of joining its one-to-one fields."""
    services = services if services is not None else Service.objects.public()
    queryset = ServiceAtLocation.objects.filter(service__in=services)
    if full:
        return queryset.select_related("location").prefetch_related(
            Prefetch("service", queryset=_detail_queryset())
        )
    return queryset.select_related("location", "service__organization")


def _near(queryset, latitude, longitude, km):
    """The rows of ``queryset`` whose location lies within ``km``, by the
    public coordinates only (a confidential location has none)."""
    south, north, west, east = bounding_box(latitude, longitude, km)
    candidates = Location.objects.filter(
        pk__in=queryset.values("location_id"),
        is_confidential=False,
        latitude__range=(south, north),
        longitude__range=(west, east),
    )
    near = []
    for location in candidates:
        facts = location.public_place()
        if "latitude" in facts and "longitude" in facts:
            distance = distance_km(
                latitude, longitude, facts["latitude"], facts["longitude"]
            )
            if distance <= km:
                near.append(location.pk)
    return queryset.filter(location_id__in=near)


def _postcode_centre(postcode):
    """The centre of the public locations with ``postcode``, or None."""
    points = [
        (facts["latitude"], facts["longitude"])
        for location in Location.objects.filter(
            postal_code=postcode, is_confidential=False
        )
        if "latitude" in (facts := location.public_place())
    ]
    if not points:
        return None
    return (
        sum(p[0] for p in points) / len(points),
        sum(p[1] for p in points) / len(points),
    )


@api_view(*PAGED, *SERVICE_FILTERS, "full", "postcode", "proximity")
def service_at_locations(request, query):
    full = query.boolean("full")
    queryset = _service_at_locations(_public_services(query), full)
    postcode = query.text("postcode")
    proximity = query.proximity()
    if proximity and proximity[0] is None:
        # Metres from the centre of the postcode, as the specification says.
        centre = _postcode_centre(postcode)
        if centre is None:
            queryset = queryset.none()
        else:
            queryset = _near(queryset, *centre, proximity[2])
    else:
        if postcode:
            queryset = queryset.filter(
                location__postal_code=postcode, location__is_confidential=False
            )
        if proximity:
            queryset = _near(queryset, *proximity)
    return _listing(
        query,
        queryset.order_by("service__name", "sort_order", "pk"),
        lambda sal: hsds.service_at_location(sal, full=full),
    )


@api_view()
def service_at_location_detail(request, query, pk):
    sal = _service_at_locations().filter(pk=pk).first()
    if sal is None:
        return _error("not found", 404)
    return _json(hsds.service_at_location(sal))


def _locations():
    return Location.objects.filter(pk__in=_service_at_locations().values("location_id"))


@api_view(*PAGED, "organization_id")
def locations(request, query):
    queryset = _locations()
    if organization_id := query.uuid("organization_id"):
        queryset = queryset.filter(organization_id=organization_id)
    return _listing(
        query, queryset.order_by("municipality", "sort_order", "pk"), hsds.location
    )


@api_view()
def location_detail(request, query, pk):
    location = _locations().filter(pk=pk).first()
    if location is None:
        return _error("not found", 404)
    return _json(hsds.location(location))


@api_view(*PAGED, "search")
def taxonomies(request, query):
    queryset = Taxonomy.objects.order_by("name", "pk")
    if search := query.text("search"):
        queryset = queryset.filter(name__icontains=search)
    return _listing(query, queryset, hsds.taxonomy)


@api_view()
def taxonomy_detail(request, query, pk):
    taxonomy = Taxonomy.objects.filter(pk=pk).first()
    if taxonomy is None:
        return _error("not found", 404)
    return _json(hsds.taxonomy(taxonomy))


@api_view(*PAGED, "search", "taxonomy_id", "top_only", "parent_id")
def taxonomy_terms(request, query):
    queryset = TaxonomyTerm.objects.select_related("taxonomy").order_by(
        "taxonomy__name", "sort_order", "pk"
    )
    if taxonomy_id := query.uuid("taxonomy_id"):
        queryset = queryset.filter(taxonomy_id=taxonomy_id)
    if search := query.text("search"):
        queryset = queryset.filter(
            Q(name_es__icontains=search)
            | Q(name_en__icontains=search)
            | Q(code__icontains=search)
        )
    # The portal's taxonomies are flat: every term is a top-level term
    # (``top_only`` keeps them all) and none has a parent.
    query.boolean("top_only")
    if query.uuid("parent_id"):
        queryset = queryset.none()
    return _listing(query, queryset, hsds.taxonomy_term)


@api_view()
def taxonomy_term_detail(request, query, pk):
    term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first()
    if term is None:
        return _error("not found", 404)
    return _json(hsds.taxonomy_term(term))
