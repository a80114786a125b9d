"""Reading an import: a package folder (its ``services.json``), a
``services.json`` or the CSV template, as raw records. A file that cannot be
read at all (encoding, JSON, missing columns) raises :class:`ImportFailed`
before any row is looked at."""

import csv
import io
import json
from pathlib import Path

# The spreadsheet template: required columns first, then the optional ones.
CSV_REQUIRED = ["name", "organization", "municipality", "state", "service_types"]
CSV_COLUMNS = [
    "id",
    *CSV_REQUIRED,
    "description",
    "populations",
    "address",
    "neighbourhood",
    "postal_code",
    "latitude",
    "longitude",
    "confidential",
    "phone",
    "whatsapp",
    "email",
    "website",
    "open_24_hours",
    "status",
]


class ImportFailed(Exception):
    """The input cannot be read at all (encoding, missing columns)."""


def read_rows(path) -> tuple[list, str]:
    """The raw records of a package folder, a ``services.json`` or a CSV
    template, and which kind it is. Raises :class:`ImportFailed`."""
    path = Path(path)
    if path.is_dir():
        path = path / "services.json"
    if not path.exists():
        raise ImportFailed(f"{path} does not exist")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            f"{path.name} is not UTF-8 (byte {error.start}); save it as UTF-8 CSV"
        ) from error
    if path.suffix == ".json":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFailed(f"{path.name} is not valid JSON: {error}") from error
        if not isinstance(records, list):
            raise ImportFailed(f"{path.name} must hold a list of services")
        return records, "hsds"
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if missing:
        raise ImportFailed("missing required column(s): " + ", ".join(missing))
    reader.fieldnames = columns
    return list(reader), "csv"
