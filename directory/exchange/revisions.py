"""The history of an import's services, in bulk: a revision for every
service the import changes and an "Imported" entry in its audit log (saying
whether it was published); with a draft, the submission to the service's
moderation workflow, as an editor's "Submit for moderation"."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import DateTimeField, Value

from wagtail.models import ModelLogEntry, Revision

from directory.models import Service

IMPORT_ACTION = "directory.import"


def create_revisions(services: list, user, now) -> list:
    """A saved revision of each service (its content as it will be, inline
    rows included); sets the service's ``latest_revision``."""
    content_type = ContentType.objects.get_for_model(Service)
    # An expression among the values keeps PostgreSQL's bulk insert from
    # packing the rows into arrays, whose text psycopg escapes quote by
    # quote: the largest cost of an import for the JSON of revisions.
    created_at = Value(now, output_field=DateTimeField())
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(service.pk),
                user=user,
                created_at=created_at,
                content=service.serializable_data(),
                object_str=str(service),
            )
            for service in services
        ]
    )
    for service, revision in zip(services, revisions, strict=True):
        service.latest_revision = revision
    return revisions


def publish(service, created: bool, now):
    """The live fields a published revision sets (as ``publish()`` does)."""
    service.live = True
    service.has_unpublished_changes = False
    service.expired = False
    service.live_revision = service.latest_revision
    service.last_published_at = now
    if service.first_published_at is None:
        service.first_published_at = now


PUBLISHED_FIELDS = [
    "live",
    "has_unpublished_changes",
    "expired",
    "live_revision",
    "latest_revision",
    "last_published_at",
    "first_published_at",
]
DRAFT_FIELDS = ["latest_revision", "has_unpublished_changes"]


def log_import(services: list[tuple], user, now, as_draft: bool):
    """ "Imported" (and "Published" unless a draft) in each service's
    history; ``services`` are (service, created) pairs."""
    content_type = ContentType.objects.get_for_model(Service)
    batch = uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(service.pk),
                label=str(service),
                action=IMPORT_ACTION,
                timestamp=now,
                data={"created": created, "published": not as_draft},
                user=user,
                revision_id=service.latest_revision_id,
                content_changed=True,
                uuid=batch,
            )
            for service, created in services
        ]
    )


def submit(services: list, user):
    """Submit each draft to the moderation workflow of services (if one is
    set up), unless it is already in moderation (the new revision is then
    the one the moderators review)."""
    if not services:
        return
    workflow = services[0].get_workflow()
    if workflow is None:
        return
    for service in services:
        if not service.workflow_in_progress:
            workflow.start(service, user)
