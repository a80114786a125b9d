"""Writing an import in bulk: checked :class:`~directory.exchange.parse.Row`
objects upserted by their HSDS ids, a chunk of rows at a time.

For each chunk the entries the directory already has are loaded in one
query per model (:class:`Existing`); each row is compared with them
(:class:`Planner`) and only what changes is validated (the models'
``full_clean``, as the admin does) and written: ``bulk_create`` for the new
rows of each model, ``bulk_update`` for the changed ones. A row whose entry
is unchanged writes nothing. Every written key of a row is a model field
name, written as given. Each changed service gets a revision and its
history (:mod:`directory.exchange.revisions`): published at once, or a
draft submitted to moderation. What a file may write into a confidential
place is the model's rule, :func:`directory.confidentiality.from_file`.
"""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from directory import confidentiality
from directory.exchange import revisions
from directory.exchange.parse import Row
from directory.indexing import reindex_services
from directory.models import (
    Contact,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceAtLocation,
    town_slug,
)

CHUNK = 1000
LOCATION_KEYS = ("id", "sal_id", "sal_description")
# Row attribute, model and the service's relation name of each inline.
CHILDREN = (
    ("phones", Phone, "phones"),
    ("schedules", Schedule, "schedules"),
    ("documents", RequiredDocument, "required_documents"),
    ("contacts", Contact, "contacts"),
)
CHILD_MODELS = (ServiceAtLocation, Phone, Schedule, RequiredDocument, Contact)
TERMS = ("service_types", "populations")
# Written without a revision: organisations and their places are not
# moderated.
DIRECT = (Organization, Location)


class RowInvalid(Exception):
    """The model's validation refused a row: ``messages`` say why."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


def _fields(model) -> dict:
    """A model's concrete fields by name and by attribute name."""
    cache = model.__dict__.get("_import_fields")
    if cache is None:
        cache = {}
        for f in model._meta.concrete_fields:
            cache[f.name] = cache[f.attname] = f
        model._import_fields = cache
    return cache


def assign(obj, values: dict) -> set[str]:
    """Set ``values`` (model field names) on ``obj``; returns the names of
    the fields whose value changed. An unknown name is a ValueError."""
    fields = _fields(type(obj))
    changed = set()
    for name, value in values.items():
        try:
            f = fields[name]
        except KeyError:
            raise FieldDoesNotExist(
                f"{type(obj).__name__} has no field {name!r}"
            ) from None
        if isinstance(value, models.Model):
            value = value.pk
        if value is not None and not f.is_relation:
            value = f.to_python(value)
        if getattr(obj, f.attname) != value:
            setattr(obj, f.attname, value)
            changed.add(f.attname)
    return changed


def _relations(model) -> list[str]:
    cache = model.__dict__.get("_import_relations")
    if cache is None:
        cache = [f.name for f in model._meta.concrete_fields if f.is_relation]
        model._import_relations = cache
    return cache


def validate(obj, number_label: str) -> list[str]:
    """The model's validation (``full_clean``) of an unsaved change; the
    relations and the uniqueness the import computes in one pass (slugs)
    are left out."""
    exclude = _relations(type(obj))
    try:
        obj.full_clean(
            exclude=exclude, validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        return [
            f"{number_label} {name}: {' '.join(messages)}"
            if name != "__all__"
            else f"{number_label}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        ]
    return []


class Existing:
    """What the directory holds for a chunk of rows: one query per model."""

    def __init__(self, rows: list[Row]):
        self.services = Service.objects.in_bulk([r.service_id for r in rows])
        self.organizations = Organization.objects.in_bulk(
            list({r.organization["id"] for r in rows})
        )
        self.locations = Location.objects.in_bulk(
            list({item["id"] for r in rows for item in r.locations})
        )
        self.children = {}
        for model in CHILD_MODELS:
            grouped = defaultdict(dict)
            for child in model.objects.filter(service_id__in=list(self.services)):
                grouped[child.service_id][child.pk] = child
            self.children[model] = grouped
        self.terms = {}
        for name in TERMS:
            through = getattr(Service, name).through
            grouped = defaultdict(dict)
            for pk, service_id, term_id in through.objects.filter(
                service_id__in=list(self.services)
            ).values_list("pk", "service_id", "taxonomyterm_id"):
                grouped[service_id][term_id] = pk
            self.terms[name] = grouped


class Changes:
    """The writes of a row (or a chunk): per model, what to create, what to
    update (and which fields), what to delete."""

    def __init__(self):
        self.create = defaultdict(list)
        self.update = defaultdict(dict)
        self.fields = defaultdict(set)
        self.delete = defaultdict(set)
        self.services = []  # (service, created)
        self.released = []
        self.confidential = set()  # locations confidential before the write

    def created(self, obj):
        self.create[type(obj)].append(obj)

    def updated(self, obj, fields):
        if fields:
            self.update[type(obj)][obj.pk] = obj
            self.fields[type(obj)] |= set(fields)

    def any(self) -> bool:
        return bool(self.create or self.update or self.delete or self.services)

    def merge(self, other: "Changes"):
        for model, objs in other.create.items():
            self.create[model] += objs
        for model, objs in other.update.items():
            self.update[model].update(objs)
            self.fields[model] |= other.fields[model]
        for model, pks in other.delete.items():
            self.delete[model] |= pks
        self.services += other.services
        self.released += other.released
        self.confidential |= other.confidential


class Planner:
    """Compares rows with the directory and collects what to write."""

    def __init__(self, user=None, as_draft=False, report=None):
        self.user, self.as_draft, self.report = user, as_draft, report
        self.now = timezone.now()
        self.slugs = {
            model: dict(model.objects.values_list("slug", "pk"))
            for model in (Service, Organization)
        }
        self.done = set()  # organisations and places already written
        self.protected = set()  # confidential places the file cannot change

    def forget(self, rows: list[Row]):
        """Rows whose writes were rolled back: their organisations and
        places are compared again with the next row that holds them."""
        self.done.difference_update(
            {row.organization["id"] for row in rows}
            | {item["id"] for row in rows for item in row.locations}
        )

    def _slug(self, model, text, pk) -> str:
        taken = self.slugs[model]
        base = slugify(text)[:100] or "entrada"
        slug, n = base, 1
        while taken.get(slug, pk) != pk:
            n += 1
            slug = f"{base}-{n}"
        taken[slug] = pk
        return slug

    def plan(self, row: Row, existing: Existing) -> Changes:
        """What writing ``row`` changes; raises :class:`RowInvalid`."""
        self.added = []
        try:
            return self._plan(row, existing)
        except (RowInvalid, FieldDoesNotExist):
            # Its organisation and places are written with the next row
            # that holds them.
            self.done.difference_update(self.added)
            raise

    def _plan(self, row: Row, existing: Existing) -> Changes:
        changes, errors = Changes(), []
        organization = self._organization(row, existing, changes, errors)
        service = existing.services.get(row.service_id)
        created = service is None
        if created:
            service = Service(id=row.service_id, created_at=self.now)
        values = dict(row.service)
        if not values.get("slug") and not created:
            values.pop("slug", None)
        else:
            values["slug"] = self._slug(
                Service, values.get("slug") or values["name"], service.pk
            )
        touched = assign(service, {**values, "organization": organization.pk})
        if not self.as_draft and not service.live:
            touched.add("live")
        for item in row.locations:
            self._location(row, item, organization, existing, changes, errors)
        sals = [
            {"id": i["sal_id"], "location": i["id"]}
            # The notes of a service at a confidential place stay as they are.
            | (
                {}
                if i["id"] in self.protected
                else {"description": i["sal_description"]}
            )
            for i in row.locations
        ]
        # A draft of a published service leaves its live rows alone: the
        # revision holds the new ones.
        draft = self.as_draft and not created
        inline_changes = Changes() if draft else changes
        inline = self._children(
            service,
            "service_at_locations",
            ServiceAtLocation,
            sals,
            existing,
            inline_changes,
            errors,
        )
        for attribute, model, relation in CHILDREN:
            items = getattr(row, attribute)
            if attribute == "contacts" and not items:
                items = None  # a public file has no contacts: keep them
            inline |= self._children(
                service, relation, model, items, existing, inline_changes, errors
            )
        for name in TERMS:
            inline |= self._terms(
                service, name, getattr(row, name), existing, inline_changes
            )
        if touched or inline or created:
            errors += validate(service, "service")
            changes.services.append((service, created))
            service.updated_at = self.now
            if created:
                changes.created(service)
            elif not draft:
                changes.updated(service, touched | {"updated_at"})
        if errors:
            raise RowInvalid(errors)
        return changes

    def _organization(self, row, existing, changes, errors):
        values = dict(row.organization)
        pk = values.pop("id")
        organization = existing.organizations.get(pk)
        if pk in self.done:
            return organization or Organization(id=pk)
        self.done.add(pk)
        self.added.append(pk)
        if organization is None:
            organization = Organization(id=pk)
            values["slug"] = self._slug(Organization, values.get("name", ""), pk)
            assign(organization, values)
            changes.created(organization)
        elif touched := assign(organization, values):
            organization.updated_at = self.now
            changes.updated(organization, touched | {"updated_at"})
        else:
            return organization
        errors += validate(organization, "organization")
        return organization

    def _location(self, row, item, organization, existing, changes, errors):
        pk = item["id"]
        if pk in self.done:
            return
        self.done.add(pk)
        self.added.append(pk)
        location = existing.locations.get(pk)
        was = None if location is None else location.is_confidential
        given = {k: v for k, v in item.items() if k not in LOCATION_KEYS}
        values, what = confidentiality.from_file(given, was, self.user)
        if location is None:
            location = Location(id=pk)
        if was:
            changes.confidential.add(pk)
        touched = assign(location, {**values, "organization": organization.pk})
        if what in ("kept", "hidden"):
            self.protected.add(pk)
        if what == "kept" and self.report is not None:
            refused = given.get("is_confidential") is False or any(
                getattr(location, k) != _fields(Location)[k].to_python(v)
                for k, v in given.items()
                if k in confidentiality.FILE_PROTECTED_FIELDS and v is not None
            )
            if refused:
                self.report.warnings.append(
                    (
                        row.number,
                        f"location {pk} stays confidential: the file cannot "
                        "publish it nor change its address (a moderator can, in "
                        "the admin or with --user)",
                    )
                )
        if what == "released" and "is_confidential" in touched:
            confidentiality.mark_released(location, self.user)
            changes.released.append(location)
        if was is None:
            location.town = town_slug(location.municipality)
            changes.created(location)
        elif touched:
            location.town = town_slug(location.municipality)
            changes.updated(location, touched | {"town"})
        else:
            return
        errors += validate(location, f"location {pk}")

    def _children(
        self, service, relation, model, items, existing, changes, errors
    ) -> bool:
        """Upsert a service's inline rows by id; the service's in-memory
        cluster holds them for its revision. True when any changed."""
        current = existing.children[model].get(service.pk, {})
        if items is None:
            kept = sorted(current.values(), key=lambda c: c.sort_order or 0)
            setattr(service, relation, kept)
            return False
        wanted, changed = [], False
        for order, item in enumerate(items):
            child = current.get(item["id"])
            values = {k: v for k, v in item.items() if k != "id"}
            values["service"] = service.pk
            if child is None:
                child = model(id=item["id"], sort_order=order)
                assign(child, values)
                changes.created(child)
            else:
                touched = assign(child, values)
                # A row saved without an order (bulk generated) keeps it
                # unless something else changes.
                if child.sort_order != order and (
                    touched or child.sort_order is not None
                ):
                    child.sort_order = order
                    touched.add("sort_order")
                if not touched:
                    wanted.append(child)
                    continue
                changes.updated(child, touched)
            changed = True
            errors += validate(child, f"{relation} {order + 1}")
            wanted.append(child)
        gone = set(current) - {item["id"] for item in items}
        if gone:
            changes.delete[model] |= gone
        setattr(service, relation, wanted)
        return changed or bool(gone)

    def _terms(self, service, name, terms, existing, changes) -> bool:
        current = existing.terms[name].get(service.pk, {})
        wanted = {term.pk for term in terms}
        through = getattr(Service, name).through
        for term_id in wanted - set(current):
            changes.created(through(service_id=service.pk, taxonomyterm_id=term_id))
        gone = {current[term_id] for term_id in set(current) - wanted}
        if gone:
            changes.delete[through] |= gone
        setattr(service, name, terms)
        return bool(gone) or bool(wanted - set(current))


def write(changes: Changes, user=None, as_draft=False):
    """Write what :meth:`Planner.plan` collected for a chunk, model by
    model, with the revisions and history of its services. Run it in a
    transaction."""
    now = timezone.now()
    moved = []
    for model in DIRECT:
        model.objects.bulk_create(changes.create.pop(model, []))
        updated = list(changes.update.pop(model, {}).values())
        if model is Location:
            confidentiality.check_releases(updated, changes.confidential)
            moved = [location.pk for location in updated]
        if updated:
            model.objects.bulk_update(updated, sorted(changes.fields[model]))
    services = [service for service, _ in changes.services]
    revisions.create_revisions(services, user, now)
    drafts = []
    for service, created in changes.services:
        if not as_draft:
            revisions.publish(service, created, now)
            continue
        service.has_unpublished_changes = True
        if created:
            service.live = False
        else:
            drafts.append(service)
    Service.objects.bulk_create(changes.create.pop(Service, []))
    updated = list(changes.update.pop(Service, {}).values())
    if updated:
        Service.objects.bulk_update(
            updated,
            revisions.PUBLISHED_FIELDS + sorted(changes.fields.pop(Service, set())),
        )
    if drafts:
        Service.objects.bulk_update(drafts, revisions.DRAFT_FIELDS)
    for model, pks in changes.delete.items():
        model.objects.filter(pk__in=list(pks)).delete()
    for model, objs in changes.create.items():
        model.objects.bulk_create(objs)
    for model, objs in changes.update.items():
        if objs:
            model.objects.bulk_update(
                list(objs.values()), sorted(changes.fields[model])
            )
    revisions.log_import(changes.services, user, now, as_draft)
    for location in changes.released:
        confidentiality.log_release(location, user)
    if as_draft:
        revisions.submit(services, user)
    # Bulk writes send no signals: the changed services, and those offered
    # at a changed place, are indexed here.
    keys = {service.pk for service in services}
    keys |= set(
        ServiceAtLocation.objects.filter(location_id__in=moved).values_list(
            "service_id", flat=True
        )
    )
    reindex_services(keys)
