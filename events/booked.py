"""Dates that hold registrations are never removed from their event.

An event page's dates are a cluster of child rows: saving the page deletes
every row its in-memory list lacks. Publishing an older revision, a
scheduled revision written before a date was added, or a revert would so
delete a date added since, with its registrations. The database refuses
that (``Registration.occurrence`` is ``PROTECT``); these functions make
every path keep such dates instead, so nothing fails and the editor can be
told (:mod:`events.wagtail_hooks`).
"""

from convivir.common.inputs import record_id


def booked_rows(page):
    """The page's dates, as stored, that have registrations."""
    model = page.occurrences.model
    return model.objects.filter(page_id=page.pk, registrations__isnull=False)


def keep_booked(page) -> list:
    """Put back in the page's list of dates (about to be written) each
    stored date with registrations that the list lacks. Returns the dates
    put back."""
    if page.pk is None:
        return []
    pending = getattr(page, "_cluster_related_objects", {}).get("occurrences")
    if pending is None:
        return []  # the dates were not changed: saving leaves them as they are
    listed = [row.pk for row in pending if row.pk]
    missing = list(booked_rows(page).exclude(pk__in=listed).distinct().order_by("pk"))
    if missing:
        page.occurrences = [*pending, *missing]
    return missing


def kept_after_edit(page, submitted_ids) -> list:
    """The page's booked dates that an editor's form did not hold (a form
    opened before they were added, or a revert to an older version): the
    page kept them, and the editor should hear it."""
    return list(
        booked_rows(page)
        .exclude(pk__in=[pk for value in submitted_ids if (pk := record_id(value))])
        .distinct()
        .order_by("start")
    )
