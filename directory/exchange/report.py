"""What an import did, row by row: the report the command prints."""

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    """How many rows were read, created and updated; the problems
    (``errors``: the row was not written) and notices (``warnings``) with
    their row numbers; and whether anything was ``written``."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    written: bool = False

    def lines(self) -> list[str]:
        return [f"row {number}: {message}" for number, message in self.errors]

    def warning_lines(self) -> list[str]:
        return [f"row {number}: {message}" for number, message in self.warnings]
