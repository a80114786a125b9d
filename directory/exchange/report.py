"""What an import did, row by row: the report the command prints. Each
problem names the row, the record (id and name), the field, what the file
had and what the directory accepts, so a partner can fix their file."""

from dataclasses import dataclass, field


@dataclass
class Issue:
    """One problem of one row."""

    number: int
    message: str
    field: str = ""
    found: str = ""
    accepted: str = ""
    record_id: str = ""
    record_name: str = ""

    def line(self) -> str:
        details = []
        if self.record_id or self.record_name:
            record = " ".join(
                p
                for p in (
                    self.record_id,
                    f'"{self.record_name}"' if self.record_name else "",
                )
                if p
            )
            details.append(f"service {record}")
        if self.field:
            details.append(f"field {self.field}")
        if self.found not in ("", None):
            details.append(f"found: {self.found}")
        if self.accepted:
            details.append(f"accepted: {self.accepted}")
        suffix = f" ({'; '.join(details)})" if details else ""
        return f"row {self.number}: {self.message}{suffix}"


def _line(item) -> str:
    if isinstance(item, Issue):
        return item.line()
    number, message = item
    return f"row {number}: {message}"


@dataclass
class ImportReport:
    """How many rows were read, created, updated and left unchanged; the
    problems (``errors``: the row was not written) and notices
    (``warnings``) with their row numbers, as :class:`Issue` or
    ``(row number, message)``; the fields of the file the directory does
    not keep, with how many rows had them; and whether anything was
    ``written``."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    unknown_fields: dict[str, int] = field(default_factory=dict)
    written: bool = False

    @property
    def skipped(self) -> int:
        """Rows not written (a row may have several problems)."""
        return len(
            {
                item.number if isinstance(item, Issue) else item[0]
                for item in self.errors
            }
        )

    def count_fields(self, paths):
        """One more row had each of these fields the directory does not keep."""
        for path in paths:
            self.unknown_fields[path] = self.unknown_fields.get(path, 0) + 1

    def lines(self) -> list[str]:
        return [_line(item) for item in self.errors]

    def warning_lines(self) -> list[str]:
        lines = [_line(item) for item in self.warnings]
        for path, count in sorted(self.unknown_fields.items()):
            rows = "1 row" if count == 1 else f"{count} rows"
            lines.append(
                f"field {path} ({rows}): the directory does not keep it; "
                "it was not imported"
            )
        return lines

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped."
        )
