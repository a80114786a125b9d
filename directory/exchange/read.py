"""Reading an import: a package folder (its ``services.json``, or the
tabular package its ``datapackage.json`` describes), a JSON file (a list of
services, one service, the API's page ``{"contents": [...]}``, an
organisation with its services, a service-at-location with its service) or
the CSV template, as raw records. A file that cannot be read at all
(encoding, JSON, missing columns) raises :class:`ImportFailed` before any
row is looked at."""

import csv
import io
import json
from pathlib import Path

from directory.exchange.tabular import read_package

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


def services_of(data, name="the file") -> list:
    """The service records of any JSON shape HSDS tools write."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ImportFailed(f"{name} must hold services (a list or an object)")
    if isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data.get("services"), list) and not data.get("organization_id"):
        organization = {k: v for k, v in data.items() if k != "services"}
        return [
            {"organization": organization, **s} if isinstance(s, dict) else s
            for s in data["services"]
        ]
    if isinstance(data.get("service"), dict) and "location" in data:
        sal = {k: v for k, v in data.items() if k != "service"}
        service = dict(data["service"])
        service["service_at_locations"] = [
            *service.get("service_at_locations", []),
            sal,
        ]
        return [service]
    return [data]


def read_rows(path) -> tuple[list, str]:
    """The raw records of a package folder, a JSON file or a CSV template,
    and which kind it is. Raises :class:`ImportFailed`."""
    path = Path(path)
    nested = path / "services.json"
    if path.is_dir() and not nested.exists() and (path / "datapackage.json").exists():
        return read_package(path, ImportFailed), "hsds"
    if path.is_dir():
        path = path / "services.json"
    # datapackage.json, or one of its tables: the whole tabular package.
    if (
        path.suffix in (".json", ".csv")
        and path.exists()
        and (
            path.name == "datapackage.json"
            or (path.suffix == ".csv" and (path.parent / "datapackage.json").exists())
        )
    ):
        return read_package(path.parent, ImportFailed), "hsds"
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
        return services_of(records, path.name), "hsds"
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if missing:
        raise ImportFailed("missing required column(s): " + ", ".join(missing))
    reader.fieldnames = columns
    return list(reader), "csv"
