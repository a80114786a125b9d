"""The seats of one date (an :class:`~events.models.Occurrence`): how many
are taken, whether a registration fits, and the waiting list's promotion.

The waiting list is "first fit in joining order": free seats go to the
earliest waiting registration whose seats fit; one that does not fit stays
at the head and keeps its place for the next seats. Whatever can free seats
(a cancellation, a larger capacity, the waiting list switched off) promotes
at once, under the date's row lock, and a new registration promotes before
it is placed. So after any change no waiting registration fits in the free
seats, a newcomer is confirmed exactly when their seats fit, and the seats
a page advertises can always be taken.

Every function here expects the occurrence's row locked (``select_for_update``
inside a transaction), except :func:`promote_all`, which takes the locks.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from events.choices import RegistrationStatus as Status


def taken(occurrence) -> int:
    """Confirmed seats, counted in the database (never a stale annotation)."""
    return (
        occurrence.registrations.filter(status=Status.CONFIRMED).aggregate(
            total=Sum("seats")
        )["total"]
        or 0
    )


def free(occurrence) -> int | None:
    """Seats nobody holds; None when the date has no limit."""
    if occurrence.capacity is None:
        return None
    return max(occurrence.capacity - taken(occurrence), 0)


def status_for_newcomer(occurrence, seats: int) -> str | None:
    """Where a new registration for ``seats`` goes once :func:`promote` has
    run: confirmed when it fits, else the waiting list when the date has
    one; None when it is full."""
    left = free(occurrence)
    if left is None or seats <= left:
        return Status.CONFIRMED
    if occurrence.waiting_list:
        return Status.WAITING
    return None


def promote(occurrence, now=None) -> list:
    """Confirm waiting registrations, first fit in joining order, while
    seats are free; e-mail those promoted. Only for dates that have not
    started. Returns the promoted registrations."""
    now = now or timezone.now()
    if occurrence.start <= now:
        return []
    left = free(occurrence)
    promoted = []
    waiting = occurrence.registrations.filter(status=Status.WAITING).order_by(
        "created_at", "pk"
    )
    for registration in waiting:
        if left == 0:
            break
        if left is not None and registration.seats > left:
            continue  # keeps its place at the head for the next seats
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        if left is not None:
            left -= registration.seats
        promoted.append(registration)
    for registration in promoted:
        if registration.email:
            registration.send("promoted")
    return promoted


def promote_all(occurrences, now=None) -> list:
    """:func:`promote` on each of ``occurrences`` (a queryset) that has not
    started and has someone waiting, each under its own row lock: after a
    page is published with new capacities, and by the periodic sweep."""
    now = now or timezone.now()
    candidates = list(
        occurrences.filter(start__gt=now, registrations__status=Status.WAITING)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    promoted = []
    for pk in candidates:
        with transaction.atomic():
            occurrence = (
                occurrences.model.objects.select_for_update(of=("self",))
                .select_related("page")
                .get(pk=pk)
            )
            promoted += promote(occurrence, now)
    return promoted
