"""Who may see and change a confidential location, and the audit trail.

What the *public* may know of a place is the core's one whitelist
(:func:`convivir.places.public_place`). This module holds the rules for
staff:

- Only holders of "Can see confidential locations" see a confidential
  address in the admin, and every view that renders it writes an audit-log
  entry (:func:`log_view`).
- Anyone who edits an organisation may mark a place confidential; only
  holders of the permission may turn it off. A moderator's "off" is
  published at once (:func:`release`); a directory editor's (their changes
  are moderated) becomes an :class:`~directory.models.AddressRelease` that
  a moderator approves or refuses. Both are audit-logged.
- :meth:`directory.models.Location.save` refuses to turn the flag off by
  any other path (:func:`check_release`), so an import or a script cannot
  publish an address by accident; an import's bulk writes go through the
  same rule (:func:`from_file`, :func:`check_releases`).
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.log_actions import log

CONFIDENTIAL_PERMISSION = "directory.view_confidential_location"
# Moderators publish directory entries: their changes are not moderated.
PUBLISH_PERMISSION = "directory.publish_service"

# Location fields a user without the permission neither sees nor changes on
# a confidential location: the address and everything written about the
# place, any of which can be enough to find it.
PRIVATE_FIELDS = (
    "address_1",
    "address_2",
    "postal_code",
    "latitude",
    "longitude",
    "description",
    "accessibility",
    "transportation",
)

# What a file never writes into a confidential location: the private
# fields and the name (the public whitelist hides it; a public export gives
# the town instead). The notes of a service at such a place are kept too.
FILE_PROTECTED_FIELDS = (*PRIVATE_FIELDS, "name")


class ConfidentialityError(PermissionDenied):
    """A confidential location's flag was turned off outside :func:`release`."""


def can_see(user) -> bool:
    return bool(user and user.is_active and user.has_perm(CONFIDENTIAL_PERMISSION))


def can_release(user) -> bool:
    """Whether ``user`` may publish a confidential address at once."""
    return can_see(user) and user.has_perm(PUBLISH_PERMISSION)


def log_view(user, organization, view: str, locations=()):
    """Record that ``user`` was shown the confidential addresses of
    ``organization`` (``view`` names the screen or export)."""
    log(
        instance=organization,
        action="directory.view_confidential",
        user=user,
        data={"view": view, "locations": [str(location.pk) for location in locations]},
    )


def check_release(location):
    """Called by ``Location.save()``: turning the flag off needs
    :func:`release` (which marks the instance)."""
    if getattr(location, "_released_by", None) is not None:
        return
    manager = type(location)._default_manager
    if manager.filter(pk=location.pk, is_confidential=True).exists():
        raise ConfidentialityError(
            f"Location {location.pk} is confidential: only release() may publish it."
        )


def check_releases(locations, confidential_ids):
    """:func:`check_release` for writes that bypass ``save()`` (an import's
    bulk update): ``confidential_ids`` are the locations confidential in the
    database before the write."""
    for location in locations:
        if (
            not location.is_confidential
            and location.pk in confidential_ids
            and getattr(location, "_released_by", None) is None
        ):
            raise ConfidentialityError(
                f"Location {location.pk} is confidential: only release() may "
                "publish it."
            )


def from_file(values: dict, was_confidential, user) -> tuple[dict, str]:
    """What an import may write into a location. ``values`` are the file's
    fields; ``is_confidential`` is among them only when the file says so
    (only the portal's own extension does: HSDS has no such field).
    ``was_confidential`` is the location's flag in the directory, None for a
    new location (written as the file gives it).

    Returns the values to write and what happened: ``""``; ``"kept"``, the
    location stays confidential and takes no address or description from
    the file; ``"hidden"``, the file marks a public location confidential
    (its address in the directory stays, the file's is not written);
    ``"released"``, the file says it is not confidential and ``user`` may
    publish it (the caller marks it with :func:`mark_released` and logs it
    with :func:`log_release`). An import without such a user never lifts
    the flag."""
    if was_confidential is None:
        return values, ""
    said = values.get("is_confidential")
    if was_confidential:
        if said is False and can_release(user):
            return values, "released"
        kept = {k: v for k, v in values.items() if k not in FILE_PROTECTED_FIELDS}
        kept["is_confidential"] = True
        return kept, "kept"
    if said:
        kept = {k: v for k, v in values.items() if k not in FILE_PROTECTED_FIELDS}
        return kept, "hidden"
    return values, ""


def mark_released(location, user):
    """Allow the next save of ``location`` to publish its address."""
    if not can_release(user):
        raise PermissionDenied
    location._released_by = user


def log_release(location, user, requested_by=None):
    log(
        instance=location.organization,
        action="directory.release_location",
        user=user,
        data={
            "location": str(location.pk),
            "requested_by": requested_by.pk if requested_by else None,
        },
    )


def release(location, user, requested_by=None):
    """Publish a confidential location's address now (a moderator)."""
    mark_released(location, user)
    location.is_confidential = False
    location.save(update_fields=["is_confidential"])
    log_release(location, user, requested_by)


def request_release(location, user):
    """A directory editor asks to publish the address: the location stays
    confidential until a moderator decides. One open request per place."""
    if not can_see(user):
        raise PermissionDenied
    pending = location.address_releases.filter(status="pending").first()
    if pending is None:
        pending = location.address_releases.create(requested_by=user)
        log(
            instance=location.organization,
            action="directory.release_requested",
            user=user,
            data={"location": str(location.pk)},
        )
    return pending


def decide(address_release, user, approve: bool):
    """A moderator approves (the address is published) or refuses a request;
    nobody decides on their own request."""
    if not can_release(user) or address_release.requested_by_id == user.pk:
        raise PermissionDenied
    if address_release.status != "pending":
        return
    address_release.status = "approved" if approve else "rejected"
    address_release.decided_by = user
    address_release.decided_at = timezone.now()
    address_release.save(update_fields=["status", "decided_by", "decided_at"])
    location = address_release.location
    if approve and location.is_confidential:
        release(location, user, requested_by=address_release.requested_by)
    elif not approve:
        log(
            instance=location.organization,
            action="directory.release_refused",
            user=user,
            data={"location": str(location.pk)},
        )
