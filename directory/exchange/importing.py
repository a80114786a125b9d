"""An import from start to end: read the file, parse and check every
row, write, report. With any problem nothing is written unless
``partial`` (then the good rows are, each in its own transaction)."""

from django.db import transaction

from directory.exchange.check import check
from directory.exchange.read import read_rows
from directory.exchange.report import ImportReport
from directory.exchange.write import write


def import_path(path, partial=False, progress=None, taxonomy_map=None) -> ImportReport:
    """Import a package folder, ``services.json`` or CSV template;
    ``taxonomy_map`` maps a partner's term codes to the directory's. Raises
    :class:`ImportFailed` when the file cannot be read at all."""
    report = ImportReport()
    records, kind = read_rows(path)
    rows = check(records, kind, report, taxonomy_map=taxonomy_map)
    if report.errors and not partial:
        return report

    def write_all():
        for index, row in enumerate(rows, start=1):
            created = write(row)
            report.created += created
            report.updated += not created
            if progress:
                progress(index, len(rows))

    if partial:
        for index, row in enumerate(rows, start=1):
            try:
                with transaction.atomic():
                    created = write(row)
            except Exception as error:
                report.errors.append((row.number, str(error)))
                continue
            report.created += created
            report.updated += not created
            if progress:
                progress(index, len(rows))
    else:
        with transaction.atomic():
            write_all()
    report.written = True
    return report
