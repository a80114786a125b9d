"""An import from start to end: read the file, parse and check every row,
write, report. Rows are written a chunk at a time in bulk
(:mod:`directory.exchange.write`). With any problem nothing is written
unless ``partial``: then the good rows are, and when a chunk cannot be
written each of its rows is tried in its own transaction."""

from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, transaction

from directory.exchange.check import check
from directory.exchange.read import read_rows
from directory.exchange.report import ImportReport
from directory.exchange.write import (
    CHUNK,
    Changes,
    Existing,
    Planner,
    RowInvalid,
    write,
)


class _Refused(Exception):
    """Rolls back an import that found a problem."""


def import_path(
    path, partial=False, progress=None, user=None, as_draft=False, taxonomy_map=None
) -> ImportReport:
    """Import a package folder, ``services.json`` or CSV template. Changes
    are published (``as_draft``: saved as drafts submitted to moderation)
    in the name of ``user``, who alone may publish a confidential address
    the file releases; ``taxonomy_map`` maps a partner's term codes to the
    directory's. Raises :class:`ImportFailed` when the file cannot be read
    at all."""
    report = ImportReport()
    records, kind = read_rows(path)
    rows = check(records, kind, report, taxonomy_map=taxonomy_map)
    if report.errors and not partial:
        return report
    return write_rows(
        rows, report, partial=partial, progress=progress, user=user, as_draft=as_draft
    )


def write_rows(
    rows, report, partial=False, progress=None, user=None, as_draft=False, chunk=CHUNK
) -> ImportReport:
    """Write checked rows (see :func:`import_path`), ``chunk`` rows at a
    time; counts and problems go to ``report``."""
    planner = Planner(user=user, as_draft=as_draft, report=report)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    if partial:
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            _write_chunk(planner, part, report, counts, partial=True)
            if progress:
                progress(start + len(part), len(rows))
    else:
        try:
            with transaction.atomic():
                for start in range(0, len(rows), chunk):
                    part = rows[start : start + chunk]
                    # After a problem the rest is only checked.
                    _write_chunk(
                        planner, part, report, counts, write_it=not report.errors
                    )
                    if progress:
                        progress(start + len(part), len(rows))
                if report.errors:
                    raise _Refused
        except _Refused:
            return report
    for name, count in counts.items():
        setattr(report, name, getattr(report, name) + count)
    report.written = True
    return report


def _plan(planner, rows, report, counts) -> Changes:
    """The changes of a chunk's valid rows; counts what each row does."""
    existing = Existing(rows)
    changes = Changes()
    for row in rows:
        try:
            planned = planner.plan(row, existing)
        except RowInvalid as error:
            report.errors += [(row.number, message) for message in error.messages]
            continue
        except FieldDoesNotExist as error:
            report.errors.append((row.number, str(error)))
            continue
        if not planned.any():
            counts["unchanged"] += 1
            continue
        created = any(created for _, created in planned.services)
        counts["created" if created else "updated"] += 1
        changes.merge(planned)
    return changes


def _write_chunk(planner, rows, report, counts, partial=False, write_it=True):
    if not partial:
        changes = _plan(planner, rows, report, counts)
        if write_it and not report.errors:
            write(changes, planner.user, planner.as_draft)
        return
    before = dict(counts), len(report.errors), len(report.warnings)
    try:
        with transaction.atomic():
            changes = _plan(planner, rows, report, counts)
            write(changes, planner.user, planner.as_draft)
        return
    except DatabaseError:
        # Nothing of the chunk was written: plan and write row by row.
        counts.update(before[0])
        del report.errors[before[1] :], report.warnings[before[2] :]
        planner.forget(rows)
    for row in rows:
        try:
            with transaction.atomic():
                one = {"created": 0, "updated": 0, "unchanged": 0}
                write(
                    _plan(planner, [row], report, one), planner.user, planner.as_draft
                )
        except DatabaseError as error:
            report.errors.append((row.number, str(error)))
            planner.forget([row])
            continue
        for name, count in one.items():
            counts[name] += count
