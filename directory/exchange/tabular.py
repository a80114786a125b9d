"""The tabular HSDS package (``datapackage.json`` and its CSV files) as the
same nested service records ``services.json`` holds: every table joined to
its service, location or service-at-location by its ``*_id`` column."""

import csv
import io
import json
from pathlib import Path

# Tables a service, its places and its terms are built from.
TABLES = (
    "services",
    "organizations",
    "locations",
    "addresses",
    "service_at_locations",
    "phones",
    "schedules",
    "languages",
    "attributes",
    "taxonomy_terms",
    "taxonomies",
    "required_documents",
    "contacts",
    "cost_options",
    "accessibility",
)
# The children of a service, location or service-at-location.
SERVICE_CHILDREN = (
    "phones",
    "schedules",
    "languages",
    "required_documents",
    "contacts",
    "cost_options",
)


def _read_table(path: Path, fail) -> list[dict]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail(f"{path.name} is not UTF-8 (byte {error.start})") from error
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = [c.strip() for c in reader.fieldnames or []]
    # An empty cell is a missing value, as in the nested form.
    return [
        {k: (v if v != "" else None) for k, v in row.items() if k} for row in reader
    ]


def _resources(folder: Path, fail) -> dict[str, Path]:
    package = folder / "datapackage.json"
    try:
        data = json.loads(package.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise fail(f"datapackage.json is not valid JSON: {error}") from error
    found = {}
    for resource in data.get("resources") or []:
        path = folder / str(resource.get("path") or "")
        name = resource.get("name") or path.stem
        if path.suffix == ".csv" and path.is_file():
            found[str(name).replace("-", "_")] = path
    for path in sorted(folder.glob("*.csv")):
        found.setdefault(path.stem, path)
    if "services" not in found:
        raise fail("datapackage.json lists no services.csv")
    return found


def _group(rows: list[dict], key: str) -> dict[str, list[dict]]:
    groups = {}
    for row in rows:
        if row.get(key):
            groups.setdefault(row[key], []).append(row)
    return groups


def _attach_others(tables: dict, organizations: dict):
    """Tables the directory does not read (funding, service_areas,
    programs…) join their service, location or organisation, so the
    report names what was not imported."""
    parents = {
        key: {item.get("id"): item for item in tables.get(parent, [])}
        for key, parent in (("service_id", "services"), ("location_id", "locations"))
    }
    for name, rows in tables.items():
        if name in TABLES:
            continue
        for row in rows:
            for key, items in parents.items():
                if row.get(key) in items:
                    parent = items[row[key]].setdefault("_tables", {})
                    parent.setdefault(name, []).append(row)
            if (
                not row.get("service_id")
                and row.get("organization_id") in organizations
            ):
                organizations[row["organization_id"]].setdefault(name, []).append(row)


def read_package(folder: Path, fail) -> list[dict]:
    """Nested services from a tabular package; ``fail`` is the exception
    for an unreadable file."""
    tables = {
        name: _read_table(path, fail) for name, path in _resources(folder, fail).items()
    }
    get = lambda name: tables.get(name, [])  # noqa: E731
    organizations = {o["id"]: o for o in get("organizations") if o.get("id")}
    terms = {t["id"]: t for t in get("taxonomy_terms") if t.get("id")}
    taxonomies = {t["id"]: t for t in get("taxonomies") if t.get("id")}
    addresses = _group(get("addresses"), "location_id")
    accessibility = _group(get("accessibility"), "location_id")
    by = {
        name: {
            key: _group(get(name), key)
            for key in ("service_id", "location_id", "service_at_location_id")
        }
        for name in SERVICE_CHILDREN
    }
    _attach_others(tables, organizations)
    locations = {}
    for row in get("locations"):
        extra = row.pop("_tables", {})
        location = {**row, **extra}
        location["addresses"] = addresses.get(row.get("id"), [])
        location["accessibility"] = accessibility.get(row.get("id"), [])
        for name in ("phones", "schedules"):
            location[name] = by[name]["location_id"].get(row.get("id"), [])
        locations[row.get("id")] = location
    attributes = _group(get("attributes"), "link_id")
    sals = _group(get("service_at_locations"), "service_id")
    services = []
    for row in get("services"):
        extra = row.pop("_tables", {})
        service = {**row, **extra}
        service_id = row.get("id")
        if row.get("organization_id") in organizations:
            service["organization"] = organizations[row["organization_id"]]
        for name in SERVICE_CHILDREN:
            service[name] = by[name]["service_id"].get(service_id, [])
        service["service_at_locations"] = []
        for sal in sals.get(service_id, []):
            sal = dict(sal)
            if sal.get("location_id") in locations:
                sal["location"] = locations[sal["location_id"]]
            for name in ("phones", "schedules", "contacts"):
                sal[name] = by[name]["service_at_location_id"].get(sal.get("id"), [])
            service["service_at_locations"].append(sal)
        service["attributes"] = []
        for attribute in attributes.get(service_id, []):
            attribute = dict(attribute)
            term = terms.get(attribute.get("taxonomy_term_id"))
            if term:
                term = dict(term)
                if term.get("taxonomy_id") in taxonomies:
                    term["taxonomy_detail"] = taxonomies[term["taxonomy_id"]]
                attribute["taxonomy_term"] = term
            service["attributes"].append(attribute)
        services.append(service)
    return services
