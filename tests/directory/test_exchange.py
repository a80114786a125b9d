"""Data packages: the export validates against HSDS 3.0; export → import
into an empty directory gives the same entries; each bad input is reported
row by row and changes nothing (unless --partial)."""

import io
import json
from datetime import time

from django.core.management import CommandError, call_command

import pytest

from directory.factories import (
    ContactFactory,
    LocationFactory,
    PhoneFactory,
    RequiredDocumentFactory,
    ScheduleFactory,
    ServiceFactory,
    population,
)
from directory.models import Location, Organization, Service
from tests.directory.hsds_validation import validate

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def entries():
    shelter = ServiceFactory(
        name="Albergue Belén", languages=["es", "ht"], capacity=80, status="full"
    )
    shelter.populations.set([population("families")])
    shelter.save()
    PhoneFactory(service=shelter, whatsapp=True, description="Recepción")
    ScheduleFactory(service=shelter, weekday=4, opens_at=time(18), closes_at=time(8))
    RequiredDocumentFactory(service=shelter)
    ContactFactory(service=shelter)
    secret = LocationFactory(is_confidential=True, address_1="Callejón 9")
    ServiceFactory(
        name="Refugio",
        organization=secret.organization,
        location=secret,
        open_24_hours=True,
    )
    return shelter


def _snapshot():
    services = []
    for service in Service.objects.order_by("id").prefetch_related(
        "phones", "schedules", "required_documents", "service_types", "populations"
    ):
        services.append(
            (
                str(service.id),
                service.name,
                service.slug,
                service.status,
                service.languages,
                service.capacity,
                service.open_24_hours,
                str(service.organization_id),
                sorted(
                    (p.number, p.whatsapp, p.description) for p in service.phones.all()
                ),
                sorted(
                    (s.weekday, s.opens_at, s.closes_at)
                    for s in service.schedules.all()
                ),
                sorted(d.document for d in service.required_documents.all()),
                sorted(t.code for t in service.service_types.all()),
                sorted(t.code for t in service.populations.all()),
            )
        )
    locations = sorted(
        (
            str(loc.id),
            loc.address_1,
            loc.municipality,
            loc.state,
            loc.latitude,
            loc.longitude,
            loc.is_confidential,
        )
        for loc in Location.objects.all()
    )
    return services, locations


def test_export_validates_against_hsds(entries, tmp_path):
    output = _run("export_hsds", str(tmp_path))
    assert "services: 2" in output
    services = json.loads((tmp_path / "services.json").read_text())
    for service in services:
        validate(service, "service")
    for organization in json.loads((tmp_path / "organizations.json").read_text()):
        validate(organization, "organization_list")
    for name in ("taxonomies", "taxonomy_terms"):
        for item in json.loads((tmp_path / f"{name}.json").read_text()):
            validate(
                item,
                name.removesuffix("ies").removesuffix("s")
                + ("y" if name == "taxonomies" else ""),
            )
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} >= {
        "services.csv",
        "locations.csv",
        "phones.csv",
        "organizations.csv",
    }
    assert "contacts.csv" not in {r["path"] for r in package["resources"]}


def test_round_trip_into_an_empty_directory(entries, editor, tmp_path):
    _run("export_hsds", str(tmp_path), "--include-confidential", "--user", "edith")
    before = _snapshot()
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()
    output = _run("import_hsds", str(tmp_path))
    assert "2 created, 0 updated" in output
    assert _snapshot() == before
    # Importing the same file again writes nothing.
    assert "0 created, 0 updated, 2 unchanged, 0 skipped" in _run(
        "import_hsds", str(tmp_path)
    )
    assert _snapshot() == before


CSV_HEADER = (
    "name,organization,municipality,state,service_types,"
    "latitude,longitude,phone,whatsapp,confidential\n"
)


def _csv(tmp_path, body: str, header=CSV_HEADER, encoding="utf-8"):
    path = tmp_path / "plantilla.csv"
    path.write_bytes((header + body).encode(encoding))
    return path


def test_csv_template_imports(tmp_path, client):
    path = _csv(
        tmp_path,
        "Comedor Juchitán,Parroquia San Vicente,Juchitán de Zaragoza,Oaxaca,"
        "food;health,16.43,-95.02,+52 971 555 0100,sí,no\n"
        "Refugio Istmo,Colectivo Istmeñas,Ciudad Ixtepec,oaxaca,shelter,,,"
        "+52 971 555 0200,no,sí\n",
    )
    assert "2 created" in _run("import_hsds", str(path))
    refugio = Service.objects.get(name="Refugio Istmo")
    assert refugio.locations()[0].is_confidential
    comedor = Service.objects.get(name="Comedor Juchitán")
    assert comedor.phones.get().whatsapp
    assert {t.code for t in comedor.service_types.all()} == {"food", "health"}
    # The same file again changes nothing, never duplicates.
    assert "0 created, 0 updated, 2 unchanged, 0 skipped" in _run(
        "import_hsds", str(path)
    )
    assert Service.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "header", "encoding", "message"),
    [
        (
            "Comedor Tonalá,Parroquia,Tonalá,Chiapas,food,,,,,\n",
            CSV_HEADER,
            "latin-1",
            "is not UTF-8",
        ),
        (
            "Comedor,Parroquia,Tonalá,Chiapas,,,\n",
            "name,organization,municipality,state,latitude,longitude\n",
            "utf-8",
            "missing required column(s): service_types",
        ),
    ],
)
def test_unreadable_files_change_nothing(tmp_path, body, header, encoding, message):
    path = _csv(tmp_path, body, header=header, encoding=encoding)
    with pytest.raises(
        CommandError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        _run("import_hsds", str(path))
    assert not Service.objects.exists()


GOOD = "Comedor Uno,Parroquia,Arriaga,Chiapas,food,16.23,-93.9,,,\n"


@pytest.mark.parametrize(
    ("bad_row", "report"),
    [
        (
            "Comedor Dos,Parroquia,Arriaga,Chiapas,food,123,-93.9,,,\n",
            "row 3: invalid latitude '123'",
        ),
        (
            "Comedor Dos,Parroquia,Arriaga,Chiapas,food,16.2,abc,,,\n",
            "row 3: invalid longitude 'abc'",
        ),
        (
            "Comedor Dos,Parroquia,Arriaga,Chiapas,spa,,,,,\n",
            "row 3: unknown taxonomy term 'spa'",
        ),
        (
            "Comedor Dos,Parroquia,Arriaga,Yucatán,food,,,,,\n",
            "row 3: unknown state 'Yucatán'",
        ),
        (GOOD, "row 3: duplicate id"),
    ],
)
def test_bad_rows_are_reported_and_nothing_changes(tmp_path, bad_row, report):
    path = _csv(tmp_path, GOOD + bad_row)
    out = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_hsds", str(path), stdout=out)
    assert report in out.getvalue()
    assert not Service.objects.exists() and not Organization.objects.exists()


def test_partial_imports_the_good_rows(tmp_path):
    path = _csv(tmp_path, GOOD + "Comedor Dos,Parroquia,Arriaga,Chiapas,spa,,,,,\n")
    output = _run("import_hsds", str(path), "--partial")
    assert "row 3: unknown taxonomy term 'spa'" in output
    assert "1 created, 0 updated, 0 unchanged, 1 skipped" in output
    assert list(Service.objects.values_list("name", flat=True)) == ["Comedor Uno"]


def test_bad_hsds_json_is_reported(tmp_path, entries):
    _run("export_hsds", str(tmp_path))
    services = json.loads((tmp_path / "services.json").read_text())
    services[1]["attributes"][0]["taxonomy_term_id"] = (
        "00000000-0000-0000-0000-000000000000"
    )
    services.append(services[0])
    (tmp_path / "services.json").write_text(json.dumps(services))
    Service.objects.update(name="Sin cambiar")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path), stdout=out)
    assert "row 2: unknown taxonomy term" in out.getvalue()
    assert "row 3: duplicate id" in out.getvalue()
    assert set(Service.objects.values_list("name", flat=True)) == {"Sin cambiar"}
    (tmp_path / "services.json").write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        _run("import_hsds", str(tmp_path))


def test_imported_phones_are_normalised_and_impossible_ones_reported(tmp_path):
    path = _csv(
        tmp_path,
        "Comedor Juchitán,Parroquia,Juchitán de Zaragoza,Oaxaca,food,,,"
        "971-555-0100,sí,no\n",
    )
    _run("import_hsds", str(path))
    assert Service.objects.get().phones.get().number == "+529715550100"
    bad = _csv(
        tmp_path, "Comedor Dos,Parroquia,Arriaga,Chiapas,food,,,5555 1234,no,no\n"
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_hsds", str(bad), stdout=out)
    assert "row 2: invalid phone number '5555 1234'" in out.getvalue()
