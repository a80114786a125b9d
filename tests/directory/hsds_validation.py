"""Validation against the official HSDS 3.0 schemas copied in
``hsds_schema/`` (see its README for their origin and licence)."""

import gzip
import json
from functools import cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMAS = Path(__file__).parent / "hsds_schema"


@cache
def schema(name: str) -> dict:
    plain = SCHEMAS / f"{name}.json"
    if plain.exists():
        return json.loads(plain.read_text())
    with gzip.open(SCHEMAS / f"{name}.json.gz", "rt") as handle:
        return json.load(handle)


def _retrieve(uri: str) -> Resource:
    """The tabular schemas refer to each other by file name."""
    return Resource.from_contents(schema(Path(uri).stem), default_specification=DRAFT7)


REGISTRY = Registry(retrieve=_retrieve)


def validate(data, name: str):
    jsonschema.validate(data, schema(name), registry=REGISTRY)


def validate_page(data, item_schema: str):
    """A paginated list: the openapi ``Page`` fields and each item."""
    validate(data, "page")
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
