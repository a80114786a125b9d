"""The read-only HSDS 3.0 API (``/api/hsds/``), following the
specification's ``openapi.json``: paginated lists (``page``, ``per_page``)
with ``total_items``, ``total_pages``, ``page_number``, ``size``,
``first_page``, ``last_page``, ``empty`` and ``contents``.

Only public entries are served (published, verified within the configured
period); confidential locations carry their town only."""

import uuid
from math import ceil

from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_GET

from directory import hsds
from directory.models import (
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


class BadRequest(Exception):
    pass


def _json(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(message, status):
    return _json({"error": message}, status=status)


def _int(request, name, default, low, high):
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError as error:
        raise BadRequest(f"{name} must be a whole number") from error
    return max(low, min(high, number))


def _uuid(request, name):
    value = request.GET.get(name)
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise BadRequest(f"{name} must be a UUID") from error


def _moment(request, name):
    value = request.GET.get(name)
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise BadRequest(f"{name} must be an ISO 8601 date or datetime")
        moment = timezone.datetime(day.year, day.month, day.day)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _paginated(request, queryset, serialize):
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = queryset.count()
    pages = max(1, ceil(total / per_page))
    number = _int(request, "page", 1, 1, 10**9)
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


def api_view(view):
    """GET only; bad parameters answer 400 with a JSON message; "not found"
    stays a JSON 404."""

    @require_GET
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except BadRequest as error:
            response = _error(str(error), 400)
        if response.status_code == 404:
            request.urlconf = "directory.api_urlconf"
        return response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _detail_queryset():
    return Service.objects.public().for_listing().prefetch_related("required_documents")


@api_view
def root(request):
    return _json({"version": "3.0", "profile": "https://openreferral.org/"})


@api_view
def services(request):
    queryset = Service.objects.public().select_related("organization").order_by("name")
    if search := request.GET.get("search", "").strip():
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(description__icontains=search)
        )
    if term := _uuid(request, "taxonomy_term_id"):
        queryset = queryset.filter(
            Q(service_types__id=term) | Q(populations__id=term)
        ).distinct()
    if taxonomy_id := _uuid(request, "taxonomy_id"):
        queryset = queryset.filter(
            Q(service_types__taxonomy_id=taxonomy_id)
            | Q(populations__taxonomy_id=taxonomy_id)
        ).distinct()
    if organization_id := _uuid(request, "organization_id"):
        queryset = queryset.filter(organization_id=organization_id)
    if modified_after := _moment(request, "modified_after"):
        queryset = queryset.filter(updated_at__gte=modified_after)
    return _paginated(request, queryset, hsds.service_summary)


@api_view
def service_detail(request, pk):
    service = _detail_queryset().filter(pk=pk).first()
    if service is None:
        return _error("not found", 404)
    return _json(hsds.service(service))


@api_view
def organizations(request):
    queryset = (
        Organization.objects.filter(services__in=Service.objects.public())
        .distinct()
        .order_by("name")
    )
    if search := request.GET.get("search", "").strip():
        queryset = queryset.filter(name__icontains=search)
    return _paginated(request, queryset, hsds.organization_summary)


@api_view
def organization_detail(request, pk):
    organization = (
        Organization.objects.filter(pk=pk).prefetch_related("locations").first()
    )
    services = (
        list(Service.objects.public().filter(organization_id=pk).order_by("name"))
        if organization
        else []
    )
    if not services:
        return _error("not found", 404)
    return _json(hsds.organization(organization, services))


def _service_at_locations():
    return (
        ServiceAtLocation.objects.filter(service__in=Service.objects.public())
        .select_related("location", "service")
        .order_by("service__name", "sort_order")
    )


@api_view
def service_at_locations(request):
    return _paginated(request, _service_at_locations(), hsds.service_at_location)


@api_view
def service_at_location_detail(request, pk):
    sal = _service_at_locations().filter(pk=pk).first()
    if sal is None:
        return _error("not found", 404)
    return _json(hsds.service_at_location(sal))


@api_view
def taxonomies(request):
    return _paginated(request, Taxonomy.objects.order_by("name"), hsds.taxonomy)


@api_view
def taxonomy_detail(request, pk):
    taxonomy = Taxonomy.objects.filter(pk=pk).first()
    if taxonomy is None:
        return _error("not found", 404)
    return _json(hsds.taxonomy(taxonomy))


@api_view
def taxonomy_terms(request):
    queryset = TaxonomyTerm.objects.select_related("taxonomy")
    if taxonomy_id := _uuid(request, "taxonomy_id"):
        queryset = queryset.filter(taxonomy_id=taxonomy_id)
    return _paginated(request, queryset, hsds.taxonomy_term)


@api_view
def taxonomy_term_detail(request, pk):
    term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first()
    if term is None:
        return _error("not found", 404)
    return _json(hsds.taxonomy_term(term))
