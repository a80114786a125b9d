"""The import's report is one a partner can act on: every problem of a row
(not only the first) with the row, the record's id and name, the field,
what was found and what is accepted; each field the directory does not
keep once, with how many rows had it; and a summary."""

import io
import json

from django.core.management import CommandError, call_command

import pytest

from directory.exchange import ImportFailed, import_path
from directory.exchange.report import ImportReport, Issue
from directory.exchange.terms import read_taxonomy_map
from directory.factories import LocationFactory
from directory.models import Location, Service
from tests.directory.exchange.helpers import parsed, place, record

pytestmark = pytest.mark.django_db


def test_every_problem_of_a_row_is_reported_with_its_field():
    data = record(
        id="abc",
        status="open now",
        phones=[{"id": "9f1c2c34-58e9-4a0e-8d8b-1e0b5b0a7f10", "number": "12"}],
    )
    data.pop("organization")
    rows, report = parsed(data)
    assert rows == []
    assert report.lines() == [
        "row 1: service id 'abc' is not a UUID (service abc \"Comedor San "
        'Vicente"; field id; found: abc; accepted: a UUID)',
        'row 1: missing organization (service abc "Comedor San Vicente"; field '
        "organization_id; accepted: an organization id)",
        "row 1: unknown status 'open now' (service abc \"Comedor San Vicente\"; "
        "field status; found: open now; accepted: active, inactive, defunct, "
        "temporarily closed)",
        "row 1: invalid phone number '12' (service abc \"Comedor San Vicente\"; "
        "field phones.number; found: 12; accepted: a number with country code, "
        "e.g. +52 962 123 4567)",
    ]
    assert report.skipped == 1


def test_records_that_are_no_service_are_reported():
    nameless = record(name="")
    orphan = record(organization={"id": "5b1d0a8e-1111-4c4c-9a9a-2a2a2a2a2a2a"})
    rows, report = parsed("texto", nameless, orphan, nameless)
    assert rows == []
    assert report.lines() == [
        "row 1: not an HSDS service object (found: str; accepted: a JSON object)",
        f"row 2: missing name (service {nameless['id']}; field name; accepted: the "
        "service's name)",
        "row 3: organization 5b1d0a8e-1111-4c4c-9a9a-2a2a2a2a2a2a has no name "
        f'(service {orphan["id"]} "Comedor San Vicente"; field organization.name; '
        "accepted: the organization object, or organizations.csv in a tabular "
        "package)",
        f"row 4: missing name (service {nameless['id']}; field name; accepted: the "
        "service's name)",
    ]


def test_a_duplicate_id_names_both_rows():
    data = record()
    rows, report = parsed(data, data)
    assert len(rows) == 1
    assert report.lines() == [
        f"row 2: duplicate id {data['id']} (also row 1) (service {data['id']} "
        f'"Comedor San Vicente"; field id; found: {data["id"]}; accepted: each '
        "service once)"
    ]


def test_fields_the_directory_does_not_keep_are_listed_once_each():
    first = record(wait_time="2 días", funding=[{"source": "Donativos"}])
    second = record(wait_time="1 semana", accreditations="ACNUR")
    second["service_at_locations"] = [place(region="Soconusco")]
    _, report = parsed(first, second)
    assert report.warning_lines() == [
        "field accreditations (1 row): the directory does not keep it; it was not "
        "imported",
        "field funding (1 row): the directory does not keep it; it was not imported",
        "field service_at_locations.location.addresses.region (1 row): the "
        "directory does not keep it; it was not imported",
        "field wait_time (2 rows): the directory does not keep it; it was not imported",
    ]


def test_empty_fields_are_not_listed():
    _, report = parsed(record(wait_time="", funding=[], licenses=None))
    assert report.warning_lines() == []


def test_the_csv_template_reports_every_problem_of_a_row(tmp_path):
    path = tmp_path / "plantilla.csv"
    path.write_text(
        "name,organization,municipality,state,service_types,latitude,longitude\n"
        "Comedor,Parroquia,Mérida,Yucatán,food;spa,123,-89.6\n"
    )
    report = import_path(path)
    assert not report.written
    lines = report.lines()
    assert [line.split(" (service")[0] for line in lines] == [
        "row 2: unknown taxonomy term 'spa'",
        "row 2: invalid latitude '123'",
        "row 2: unknown state 'Yucatán'",
    ]
    assert lines[0].endswith(
        "field service_types; found: spa; accepted: shelter, food, health, "
        "mental_health, legal_aid, asylum, child_protection, gbv_protection, "
        "lgbtiq, trafficking, documents, employment, education, communication, "
        "transport, hygiene)"
    )
    assert "field latitude; found: 123; accepted: a number from -90 to 90" in lines[1]
    assert report.skipped == 1


def test_the_summary_counts_rows_not_problems():
    report = ImportReport(created=2, updated=1, unchanged=3)
    report.errors += [Issue(4, "a"), Issue(4, "b"), (7, "c")]
    assert report.summary() == "2 created, 1 updated, 3 unchanged, 2 skipped."
    assert report.lines() == ["row 4: a", "row 4: b", "row 7: c"]


def test_a_confidential_place_stays_confidential(tmp_path):
    secret = LocationFactory(is_confidential=True)
    data = record(service_at_locations=[place(state_province="Chiapas")])
    data["service_at_locations"][0]["location"]["id"] = str(secret.id)
    (tmp_path / "services.json").write_text(json.dumps([data]))
    report = import_path(tmp_path)
    assert report.written
    assert Location.objects.get(pk=secret.pk).is_confidential
    assert report.warning_lines() == [
        f"row 1: location {secret.id} stays confidential: the file cannot publish "
        "it nor change its address (a moderator can, in the admin or with --user)"
    ]


def _command(*args) -> str:
    out = io.StringIO()
    call_command("import_hsds", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_command_reads_a_taxonomy_map(tmp_path):
    data = record(attributes=[{"taxonomy_term": {"code": "COM-1", "name": "Comidas"}}])
    (tmp_path / "services.json").write_text(json.dumps(data))
    (tmp_path / "map.csv").write_text("COM-1,food\n")
    output = _command(
        tmp_path / "services.json", "--taxonomy-map", tmp_path / "map.csv"
    )
    assert "1 created, 0 updated, 0 unchanged, 0 skipped." in output
    assert [t.code for t in Service.objects.get().service_types.all()] == ["food"]


def test_the_command_counts_rows_with_problems(tmp_path):
    bad = record(id="abc", status="open now")
    (tmp_path / "services.json").write_text(json.dumps([record(), bad]))
    with pytest.raises(CommandError, match="1 of 2 rows have problems"):
        _command(tmp_path)
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("map.json", "[1, 2]", "taxonomy map map.json must be an object"),
        ("map.json", "{no", "taxonomy map map.json is not valid JSON"),
    ],
)
def test_an_unreadable_taxonomy_map_stops_the_import(tmp_path, name, content, message):
    (tmp_path / name).write_text(content)
    with pytest.raises(ImportFailed, match=message):
        read_taxonomy_map(tmp_path / name)


def test_a_tabular_package_without_services_is_unreadable(tmp_path):
    (tmp_path / "datapackage.json").write_text(
        json.dumps(
            {"resources": [{"name": "organizations", "path": "organizations.csv"}]}
        )
    )
    (tmp_path / "organizations.csv").write_text("id,name\n1,Parroquia\n")
    with pytest.raises(CommandError, match=r"datapackage\.json lists no services\.csv"):
        _command(tmp_path)
