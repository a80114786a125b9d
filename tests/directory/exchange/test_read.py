"""Reading the shapes HSDS files come in, and the tabular package joined
into the records the nested form gives."""

import csv
import json
import shutil
import uuid
from pathlib import Path

import pytest

from directory.exchange.check import check
from directory.exchange.read import ImportFailed, read_rows
from directory.exchange.report import ImportReport
from tests.directory.exchange.helpers import record

FILES = Path(__file__).parent / "files"


def _write(folder: Path, name: str, rows: list[dict]):
    with open(folder / name, "w", newline="", encoding="utf-8") as handle:
        columns = list(dict.fromkeys(key for row in rows for key in row))
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ([record(name="Uno"), record(name="Dos")], ["Uno", "Dos"]),
        (record(name="Uno"), ["Uno"]),
        ({"total_items": 1, "contents": [record(name="Uno")]}, ["Uno"]),
        ({"id": "o", "name": "Red", "services": [{"name": "Uno"}]}, ["Uno"]),
        ({"id": "s", "location": {}, "service": {"name": "Uno"}}, ["Uno"]),
    ],
    ids=["list", "one object", "API page", "organization", "service at location"],
)
def test_every_json_shape_gives_its_services(tmp_path, content, names):
    (tmp_path / "file.json").write_text(json.dumps(content))
    records, kind = read_rows(tmp_path / "file.json")
    assert (kind, [r["name"] for r in records]) == ("hsds", names)


def test_an_organization_and_a_place_go_into_their_services(tmp_path):
    (tmp_path / "o.json").write_text(
        json.dumps({"id": "o", "name": "Red", "services": [{"name": "Uno"}]})
    )
    [service], _ = read_rows(tmp_path / "o.json")
    assert service["organization"] == {"id": "o", "name": "Red"}
    (tmp_path / "s.json").write_text(
        json.dumps({"id": "s", "location": {"id": "l"}, "service": {"name": "Uno"}})
    )
    [service], _ = read_rows(tmp_path / "s.json")
    assert service["service_at_locations"] == [{"id": "s", "location": {"id": "l"}}]


def test_json_that_holds_no_services_is_unreadable(tmp_path):
    (tmp_path / "file.json").write_text('"texto"')
    with pytest.raises(ImportFailed, match="must hold services"):
        read_rows(tmp_path / "file.json")


def test_a_table_of_the_package_reads_the_whole_package():
    records, kind = read_rows(FILES / "corpus_tabular" / "services.csv")
    assert (kind, len(records)) == ("hsds", 5)


@pytest.mark.django_db
def test_tables_join_on_places_and_places_of_services(tmp_path):
    """Phones, schedules and contacts may sit on a location or on a
    service-at-location: they join the service there."""
    folder = tmp_path / "package"
    shutil.copytree(FILES / "corpus_tabular", folder)
    service_id = "42b0228a-bfdf-55cb-879c-2679cd1ee146"
    with open(folder / "locations.csv", encoding="utf-8") as handle:
        location = next(
            row
            for row in csv.DictReader(handle)
            if row["name"] == "Oficina jurídica Ixtepec"
        )
    with open(folder / "service_at_locations.csv", encoding="utf-8") as handle:
        sal = next(r for r in csv.DictReader(handle) if r["service_id"] == service_id)
    phone = {
        "id": str(uuid.uuid4()),
        "location_id": location["id"],
        "number": "+52 971 713 0202",
    }
    with open(folder / "phones.csv", encoding="utf-8") as handle:
        phones = list(csv.DictReader(handle))
    _write(
        folder,
        "phones.csv",
        [{**p, "location_id": ""} for p in phones]
        + [{**dict.fromkeys(phones[0], ""), **phone}],
    )
    _write(
        folder,
        "contacts.csv",
        [
            {
                "id": str(uuid.uuid4()),
                "service_at_location_id": sal["id"],
                "name": "Licenciada Rosa Martínez",
                "email": "rosa@istmo.example",
            }
        ],
    )
    records, _ = read_rows(folder)
    report = ImportReport()
    rows = {str(row.service_id): row for row in check(records, "hsds", report)}
    row = rows[service_id]
    assert [p["number"] for p in row.phones] == ["+529717130101", "+529717130202"]
    assert [c["name"] for c in row.contacts] == ["Licenciada Rosa Martínez"]
    assert report.lines() == [] and report.warning_lines() == []


@pytest.mark.django_db
def test_checking_reads_the_database_a_fixed_number_of_times(
    django_assert_max_num_queries,
):
    """The taxonomy once and the confidential places once, however many
    services the file holds."""
    records, _ = read_rows(FILES / "corpus" / "services.json")
    many = []
    for index in range(40):
        for data in records:
            copy = json.loads(json.dumps(data))
            copy["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{index}:{data['id']}"))
            many.append(copy)
    with django_assert_max_num_queries(2):
        rows = check(many, "hsds", ImportReport())
    assert len(rows) == 200


@pytest.mark.django_db
def test_tables_the_directory_does_not_read_are_reported(tmp_path):
    folder = tmp_path / "package"
    shutil.copytree(FILES / "corpus_tabular", folder)
    with open(folder / "organizations.csv", encoding="utf-8") as handle:
        organization = next(csv.DictReader(handle))["id"]
    _write(
        folder,
        "funding.csv",
        [
            {
                "id": "f1",
                "service_id": "42b0228a-bfdf-55cb-879c-2679cd1ee146",
                "source": "ACNUR",
            },
            {"id": "f2", "organization_id": organization, "source": "Donativos"},
        ],
    )
    records, _ = read_rows(folder)
    report = ImportReport()
    check(records, "hsds", report)
    assert report.warning_lines() == [
        "field funding (1 row): the directory does not keep it; it was not imported",
        "field organization.funding (2 rows): the directory does not keep it; it "
        "was not imported",
    ]
