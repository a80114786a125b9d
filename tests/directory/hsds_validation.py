"""Validation against the official HSDS 3.0 schemas copied in
``hsds_schema/`` (see its README for their origin and licence), with
format checking on: ``uuid``, ``date-time``, ``email``, ``uri`` (the last
two need ``rfc3339-validator`` and ``rfc3986-validator``, in the dev extra)
and the tabular schemas' ``datapackage_type`` (``date``, ``datetime``,
``time``), which HSDS uses instead of a format for dates such as
``assured_date``."""

import gzip
import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "hsds_schema"
FORMATS = FormatChecker()
# The formats the schemas use must really be checked, not skipped for a
# missing library.
assert {"uuid", "date-time", "date", "time", "email", "uri"} <= set(FORMATS.checkers)
DATAPACKAGE_FORMATS = {"date": "date", "datetime": "date-time"}
# HSDS times: "HH:MM" (its examples and the specification's wording) or
# "HH:MM:SS", with an optional UTC offset.
TIME = re.compile(
    r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$"
)


@cache
def schema(name: str) -> dict:
    plain = SCHEMAS / f"{name}.json"
    if plain.exists():
        return json.loads(plain.read_text())
    with gzip.open(SCHEMAS / f"{name}.json.gz", "rt") as handle:
        return json.load(handle)


def openapi_schema(name: str) -> dict:
    """A response schema of ``openapi.json``: ``Page`` or ``root``."""
    spec = schema("openapi")
    if name == "root":
        responses = spec["paths"]["/"]["get"]["responses"]
        return responses["200"]["content"]["application/json"]["schema"]
    return spec["components"]["schemas"][name]


def _retrieve(uri: str) -> Resource:
    """The tabular schemas refer to each other by file name."""
    return Resource.from_contents(
        schema(Path(uri).stem), default_specification=DRAFT202012
    )


REGISTRY = Registry(retrieve=_retrieve)


def _datapackage_type(validator, kind, instance, definition):
    if not isinstance(instance, str):
        return
    if kind == "time":
        valid = TIME.match(instance) is not None
    elif kind in DATAPACKAGE_FORMATS:
        valid = FORMATS.conforms(instance, DATAPACKAGE_FORMATS[kind])
    else:
        return
    if not valid:
        yield ValidationError(f"{instance!r} is not a {kind}")


Validator = jsonschema.validators.extend(
    Draft202012Validator, {"datapackage_type": _datapackage_type}
)


def validate(data, name: str):
    """``data`` against the HSDS schema ``name`` (or an openapi response
    schema, ``root`` or ``Page``), formats checked."""
    document = (
        schema(name)
        if (SCHEMAS / f"{name}.json").exists() or (SCHEMAS / f"{name}.json.gz").exists()
        else openapi_schema(name)
    )
    error = jsonschema.exceptions.best_match(
        Validator(document, registry=REGISTRY, format_checker=FORMATS).iter_errors(data)
    )
    if error is not None:
        raise error


def validate_page(data, item_schema: str):
    """A paginated list: the openapi ``Page`` fields and each item."""
    validate(data, "Page")
    assert set(data) >= {
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    }
    assert data["size"] == len(data["contents"])
    for item in data["contents"]:
        validate(item, item_schema)
