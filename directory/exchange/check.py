"""Checking an import before anything is written: every record parsed
(problems reported with their row number), no id twice, and no
confidential place made public by the file."""

from directory.exchange.parse import Row, TermIndex, parse_csv_row, parse_hsds_service
from directory.exchange.report import ImportReport


def check(records: list, kind: str, report: ImportReport) -> list[Row]:
    """Parse every record; problems go to the report, row by row."""
    terms = TermIndex()
    rows, seen = [], {}
    for number, record in enumerate(records, start=1 if kind == "hsds" else 2):
        report.rows += 1
        try:
            row = (parse_hsds_service if kind == "hsds" else parse_csv_row)(
                number, record, terms
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            report.errors.append((number, str(error)))
            continue
        if row.service_id in seen:
            report.errors.append(
                (
                    number,
                    f"duplicate id {row.service_id} (also row {seen[row.service_id]})",
                )
            )
            continue
        seen[row.service_id] = number
        rows.append(row)
    return rows
