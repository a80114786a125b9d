"""Writing an import: one checked :class:`~directory.exchange.parse.Row`
upserted by its HSDS ids (the organisation, the service, its places and
inline rows), published."""

from django.utils.text import slugify

from directory.exchange.parse import Row
from directory.models import (
    Contact,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceAtLocation,
)


def _upsert_children(model, service, items, fields):
    keep = []
    for order, item in enumerate(items):
        model.objects.update_or_create(
            id=item["id"],
            defaults={
                "service": service,
                "sort_order": order,
                **{f: item[f] for f in fields},
            },
        )
        keep.append(item["id"])
    model.objects.filter(service=service).exclude(id__in=keep).delete()


def write(row: Row) -> bool:
    """Upsert one service and everything it holds; True when created."""
    organization, _ = Organization.objects.update_or_create(
        id=row.organization["id"],
        defaults={
            **{k: v for k, v in row.organization.items() if k != "id"},
            "slug": _unique_slug(
                Organization, row.organization["name"], row.organization["id"]
            ),
        },
    )
    values = dict(row.service)
    values["slug"] = _unique_slug(
        Service, values["slug"] or values["name"], row.service_id
    )
    service, created = Service.objects.update_or_create(
        id=row.service_id,
        defaults={"organization": organization, "live": True, **values},
    )
    sal_ids = []
    for order, item in enumerate(row.locations):
        location, _ = Location.objects.update_or_create(
            id=item["id"],
            defaults={
                "organization": organization,
                **{
                    k: v
                    for k, v in item.items()
                    if k not in ("id", "sal_id", "sal_description")
                },
            },
        )
        ServiceAtLocation.objects.update_or_create(
            id=item["sal_id"],
            defaults={
                "service": service,
                "location": location,
                "description": item["sal_description"],
                "sort_order": order,
            },
        )
        sal_ids.append(item["sal_id"])
    service.service_at_locations.exclude(id__in=sal_ids).delete()
    _upsert_children(
        Phone,
        service,
        row.phones,
        ["number", "extension", "kind", "description", "whatsapp"],
    )
    _upsert_children(
        Schedule,
        service,
        row.schedules,
        ["weekday", "opens_at", "closes_at", "notes", "description"],
    )
    _upsert_children(RequiredDocument, service, row.documents, ["document"])
    if row.contacts:
        _upsert_children(
            Contact, service, row.contacts, ["name", "title", "email", "language"]
        )
    service.service_types.set(row.service_types)
    service.populations.set(row.populations)
    # Parental many-to-many values are written when the cluster is saved.
    service.save()
    return created


def _unique_slug(model, text, pk) -> str:
    base = slugify(text)[:100] or "entrada"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exclude(pk=pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
