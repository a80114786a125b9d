"""Checking an import before anything is written: every record parsed
(all its problems reported with its row number, id and name), no id
twice. What a file may write into a confidential place is decided when it
is written (:func:`directory.confidentiality.from_file`)."""

from directory.exchange.notes import Notes
from directory.exchange.parse import Row, parse_hsds_service
from directory.exchange.report import ImportReport, Issue
from directory.exchange.template import parse_csv_row
from directory.exchange.terms import TermIndex


def check(
    records: list, kind: str, report: ImportReport, taxonomy_map=None
) -> list[Row]:
    """Parse every record; problems go to the report, row by row.
    ``taxonomy_map``: a partner's codes → the directory's."""
    terms = TermIndex(taxonomy_map)
    parse = parse_hsds_service if kind == "hsds" else parse_csv_row
    rows, seen = [], {}
    for number, record in enumerate(records, start=1 if kind == "hsds" else 2):
        report.rows += 1
        notes = Notes(number, record)
        row = parse(number, record, terms, notes)
        report.warnings += notes.warnings
        report.count_fields(sorted(notes.unknown))
        if row is not None and not notes.errors and row.service_id in seen:
            notes.errors.append(
                Issue(
                    number,
                    f"duplicate id {row.service_id} (also row {seen[row.service_id]})",
                    "id",
                    str(row.service_id),
                    "each service once",
                    notes.record_id,
                    notes.record_name,
                )
            )
        report.errors += notes.errors
        if row is None or notes.errors:
            continue
        seen[row.service_id] = number
        rows.append(row)
    return rows
