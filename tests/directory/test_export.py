"""The data package: every record validates against HSDS 3.0 with formats
checked; the CSV columns are the HSDS tabular tables' (then the
``convivir_…`` ones), fixed before any row; the portal's extension travels
in JSON and CSV; ``--all`` is a full backup; services are read chunk by
chunk."""

import csv
import io
import json
from datetime import time, timedelta

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from directory.exchange import export, tables
from directory.factories import (
    ContactFactory,
    LocationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
)
from directory.models import Service
from tests.directory.hsds_validation import schema, validate

pytestmark = pytest.mark.django_db


def _export(folder, *args) -> str:
    out = io.StringIO()
    call_command("export_hsds", str(folder), *args, stdout=out)
    return out.getvalue()


def _csv(folder, name) -> list[dict]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def entries():
    shelter = ServiceFactory(
        name="Albergue Belén",
        alternate_name="Bethlehem Shelter",
        description_en="Beds and meals.",
        fees_description_en="Free of charge.",
        languages=["es", "tzo"],
        minimum_age=18,
        url="https://belen.example/",
    )
    PhoneFactory(service=shelter, whatsapp=True, kind="cell", extension="7")
    ScheduleFactory(
        service=shelter, opens_at=time(8), closes_at=time(20), description="Festivos"
    )
    ContactFactory(service=shelter, email="lupita@belen.example", language="en")
    secret = LocationFactory(is_confidential=True, address_1="Callejón 9")
    refuge = ServiceFactory(
        name="Refugio",
        organization=secret.organization,
        location=secret,
        open_24_hours=True,
    )
    return shelter, refuge


def test_every_record_validates_with_formats_checked(entries, tmp_path):
    output = _export(tmp_path)
    assert "services: 2" in output
    services = json.loads((tmp_path / "services.json").read_text())
    assert [s["name"] for s in services] == ["Albergue Belén", "Refugio"]
    for service in services:
        validate(service, "service")
    for organization in json.loads((tmp_path / "organizations.json").read_text()):
        validate(organization, "organization_list")
    for item in json.loads((tmp_path / "taxonomies.json").read_text()):
        validate(item, "taxonomy")
    for item in json.loads((tmp_path / "taxonomy_terms.json").read_text()):
        validate(item, "taxonomy_term")


# Each table of a package and its HSDS tabular table.
TABULAR = {
    "organizations": "organization",
    "services": "service",
    "service_at_location": "service_at_location",
    "locations": "location",
    "addresses": "address",
    "accessibility": "accessibility",
    "phones": "phone",
    "schedules": "schedule",
    "languages": "language",
    "required_documents": "required_document",
    "attributes": "attribute",
    "contacts": "contact",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}


def test_csv_columns_are_the_hsds_tables_then_the_extension(entries, tmp_path):
    tabular = schema("tabular")["properties"]
    assert set(tables.HSDS_COLUMNS) == set(TABULAR)
    for name, columns in tables.HSDS_COLUMNS.items():
        table = tabular[TABULAR[name]]["items"]
        fields = [
            field
            for field, spec in table["properties"].items()
            if spec.get("type") != "array" and "$ref" not in spec
        ]
        assert columns == fields, name
        assert tables.FILE_NAMES[name] == table["path"]
    for name, extra in tables.EXTENSION_COLUMNS.items():
        assert all(column.startswith("convivir_") for column in extra), name

    _export(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text())
    for resource in package["resources"]:
        with (tmp_path / resource["path"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == tables.COLUMNS[resource["name"]]
        assert [f["name"] for f in resource["schema"]["fields"]] == header
    assert "contacts.csv" not in {r["path"] for r in package["resources"]}


def test_a_row_with_an_undeclared_value_is_refused(tmp_path):
    table = tables.Table(tmp_path, "phones")
    with pytest.raises(ValueError, match="no column for"):
        table.add({"id": "x", "number": "1", "colour": "blue"})
    table.close()


def test_the_extension_travels_in_json_and_csv(entries, editor, tmp_path):
    refuge = entries[1]
    _export(tmp_path, "--include-confidential", "--user", editor.username)
    services = {
        s["name"]: s for s in json.loads((tmp_path / "services.json").read_text())
    }
    record = services["Albergue Belén"]
    assert record["alternate_name"] == "Bethlehem Shelter"
    assert record["minimum_age"] == 18
    assert record["convivir"]["text_en"] == {
        "description": "Beds and meals.",
        "fees_description": "Free of charge.",
    }
    assert [(lang["code"], lang["name"]) for lang in record["languages"]] == [
        ("es", "Spanish"),
        ("tzo", "Tsotsil"),
    ]
    assert record["phones"][0]["convivir"] == {"whatsapp": True}
    assert (record["phones"][0]["type"], record["phones"][0]["extension"]) == (
        "cell",
        7,
    )
    assert record["schedules"][0]["description"] == "Festivos"
    (contact,) = record["contacts"]
    assert contact["email"] == "lupita@belen.example"
    assert contact["convivir"] == {"language": "en"}
    (schedule,) = services["Refugio"]["schedules"]
    assert (schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MO,TU,WE,TH,FR,SA,SU",
        "00:00",
        "23:59",
    )
    location = services["Refugio"]["service_at_locations"][0]["location"]
    assert location["convivir"] == {"confidential": True}
    assert location["addresses"][0]["address_1"] == "Callejón 9"

    rows = {row["name"]: row for row in _csv(tmp_path, "services.csv")}
    assert rows["Albergue Belén"]["convivir_text_en_description"] == "Beds and meals."
    assert rows["Refugio"]["convivir_open_24_hours"] == "true"
    assert {row["convivir_whatsapp"] for row in _csv(tmp_path, "phones.csv")} == {
        "true"
    }
    assert [r["convivir_language"] for r in _csv(tmp_path, "contacts.csv")] == ["en"]
    assert {r["code"] for r in _csv(tmp_path, "languages.csv")} == {"es", "tzo"}
    confidential = {
        r["id"]: r["convivir_confidential"] for r in _csv(tmp_path, "locations.csv")
    }
    assert confidential[str(refuge.locations()[0].pk)] == "true"
    assert len(_csv(tmp_path, "service_at_location.csv")) == 2
    assert ModelLogEntry.objects.filter(
        action="directory.export_confidential", user=editor
    ).exists()


def test_all_is_a_full_backup(entries, tmp_path):
    draft = ServiceFactory(name="Borrador", live=False)
    stale = ServiceFactory(name="Olvidado")
    Service.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - timedelta(days=800), last_verified_at=None
    )
    assert "services: 2" in _export(tmp_path / "public")
    public = json.loads((tmp_path / "public" / "datapackage.json").read_text())
    assert not public["includes_hidden_entries"]
    assert not public["includes_unpublished_entries"]

    assert "services: 4" in _export(tmp_path / "all", "--all")
    package = json.loads((tmp_path / "all" / "datapackage.json").read_text())
    assert (
        package["includes_hidden_entries"] and package["includes_unpublished_entries"]
    )
    assert "unpublished" in package["contents"]
    services = json.loads((tmp_path / "all" / "services.json").read_text())
    published = {s["name"]: s["convivir"]["published"] for s in services}
    assert published == {
        "Albergue Belén": True,
        "Borrador": False,
        "Olvidado": True,
        "Refugio": True,
    }
    assert str(draft.pk) in {
        row["id"] for row in _csv(tmp_path / "all", "services.csv")
    }
    # Still no contact, no confidential address without the permission.
    assert "contacts" not in services[0]
    assert "Callejón 9" not in (tmp_path / "all" / "services.json").read_text()


def test_an_empty_directory_is_an_empty_package(tmp_path):
    assert "services: 0" in _export(tmp_path)
    assert json.loads((tmp_path / "services.json").read_text()) == []
    assert _csv(tmp_path, "services.csv") == []


def test_services_are_read_in_chunks(entries, tmp_path, monkeypatch):
    for n in range(5):
        PhoneFactory(service=ServiceFactory(name=f"Casa {n}"))
    monkeypatch.setattr(export, "CHUNK", 3)
    with CaptureQueriesContext(connection) as queries:
        export.export_package(tmp_path)
    phone_queries = [q["sql"] for q in queries if 'FROM "directory_phone"' in q["sql"]]
    # Seven services, three at a time: their phones in three queries, each
    # for the services of one chunk only.
    ids = list(Service.objects.values_list("pk", flat=True))
    per_query = [
        sum(pk.hex in sql or str(pk) in sql for pk in ids) for sql in phone_queries
    ]
    assert sorted(per_query) == [1, 3, 3]
    assert len(json.loads((tmp_path / "services.json").read_text())) == 7
    assert len(_csv(tmp_path, "phones.csv")) == 6
