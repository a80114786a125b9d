"""Shared by the import's tests: small HSDS records and the check step run
on them (parsing only: nothing is written); running a command, exporting the
directory and editing the exported file as a partner would."""

import io
import json
import uuid

from django.core.management import call_command

from directory.exchange.check import check
from directory.exchange.report import ImportReport

ORGANIZATION = {"id": "0e4a4c8e-7a1b-4a55-9c39-3f3f7b6b8a01", "name": "Parroquia"}


def record(**fields) -> dict:
    """A valid HSDS service with the given fields."""
    data = {
        "id": str(uuid.uuid4()),
        "name": "Comedor San Vicente",
        "status": "active",
        "organization": ORGANIZATION,
    }
    data.update(fields)
    return data


def place(**address) -> dict:
    """A service-at-location with its location and address."""
    location_id = str(uuid.uuid4())
    return {
        "id": str(uuid.uuid4()),
        "location": {
            "id": location_id,
            "name": "Casa",
            "addresses": [
                {
                    "id": str(uuid.uuid4()),
                    "city": "Tapachula",
                    "country": "MX",
                    **address,
                }
            ],
        },
    }


def parsed(*records, taxonomy_map=None):
    """The rows and the report of checking these records."""
    report = ImportReport()
    rows = check(list(records), "hsds", report, taxonomy_map=taxonomy_map)
    return rows, report


def one(data, taxonomy_map=None):
    """The one row of a record that must parse, and the report."""
    rows, report = parsed(data, taxonomy_map=taxonomy_map)
    assert report.lines() == [], report.lines()
    return rows[0], report


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def export(folder) -> list[dict]:
    run("export_hsds", str(folder))
    return json.loads((folder / "services.json").read_text())


def rewrite(folder, services: list[dict]):
    (folder / "services.json").write_text(json.dumps(services), encoding="utf-8")


def only_location(services: list[dict]) -> dict:
    (service,) = services
    (sal,) = service["service_at_locations"]
    return sal["location"]
