"""The import goes through the admin's rules: the models' validation on
every row written (problems reported with their row number, nothing
written), a revision and an "Imported" history entry for each changed
service, nothing written for an unchanged one, drafts submitted to
moderation, nothing half-written, and a fixed number of queries whatever
the number of rows."""

import uuid
from datetime import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry, Revision, WorkflowState

import pytest

from directory.exchange import ImportReport
from directory.exchange.importing import write_rows
from directory.exchange.parse import Row
from directory.factories import PhoneFactory, ScheduleFactory, ServiceFactory
from directory.models import Phone, Service
from tests.directory.exchange.helpers import export, rewrite, run

pytestmark = pytest.mark.django_db


def _row(number=1, **service) -> Row:
    """A hand-made row, as the parser gives it (keys are field names)."""
    service_id = uuid.uuid4()
    return Row(
        number=number,
        service_id=service_id,
        organization={"id": uuid.uuid4(), "name": "Parroquia", "description": "P"},
        service={
            "name": f"Comedor {number}",
            "description": "Comida caliente.",
            "status": "open",
            **service,
        },
        locations=[
            {
                "id": uuid.uuid4(),
                "sal_id": uuid.uuid4(),
                "sal_description": "",
                "name": "Sede",
                "municipality": "Arriaga",
                "state": "chiapas",
            }
        ],
        phones=[{"id": uuid.uuid4(), "number": "+529625550100", "kind": "cell"}],
        schedules=[
            {
                "id": uuid.uuid4(),
                "weekday": 0,
                "opens_at": time(9),
                "closes_at": time(17),
                "description": "Cerrado en días festivos",
            }
        ],
    )


@pytest.fixture
def two(db):
    first = ServiceFactory(name="Albergue Uno", slug="albergue-uno")
    second = ServiceFactory(name="Comedor Dos", slug="comedor-dos")
    for service in (first, second):
        PhoneFactory(service=service)
        ScheduleFactory(service=service)
    return first, second


def test_the_writer_writes_every_key_it_is_given():
    report = write_rows([_row(alert="Nos mudamos", minimum_age=12)], ImportReport())
    assert report.written and report.created == 1
    service = Service.objects.get()
    assert (service.alert, service.minimum_age) == ("Nos mudamos", 12)
    assert service.phones.get().kind == "cell"
    assert service.schedules.get().description == "Cerrado en días festivos"
    assert service.live and service.live_revision == service.latest_revision


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            _row(2, minimum_age=30, maximum_age=10),
            "service maximum_age: La edad máxima es menor que la mínima.",
        ),
        (
            _row(2, is_free=False, fees_description=""),
            "service fees_description: Indica qué hay que pagar y cuánto.",
        ),
        (
            _row(2, email="no es correo"),
            "service email: Escribe una dirección de correo electrónico válida.",
        ),
    ],
)
def test_the_models_validation_refuses_a_row_and_nothing_is_written(row, message):
    # The model's own messages, in the portal's default language.
    report = write_rows([_row(1), row, _row(3)], ImportReport(), chunk=1)
    assert (2, message) in report.errors
    assert not report.written
    assert not Service.objects.exists() and not Revision.objects.exists()


def test_a_bad_schedule_is_reported_with_its_row():
    row = _row(4)
    row.schedules[0]["closes_at"] = time(9)
    report = write_rows([row], ImportReport())
    assert report.errors == [
        (
            4,
            "schedules 1 closes_at: "
            "La hora de cierre debe ser distinta de la de apertura.",
        )
    ]


def test_partial_writes_the_valid_rows():
    rows = [_row(1), _row(2, minimum_age=30, maximum_age=10), _row(3)]
    report = write_rows(rows, ImportReport(), partial=True)
    assert report.written and report.created == 2
    assert [number for number, _ in report.errors] == [2]
    assert set(Service.objects.values_list("name", flat=True)) == {
        "Comedor 1",
        "Comedor 3",
    }


def test_partial_writes_each_row_on_its_own_when_a_chunk_cannot_be_written():
    first, second = _row(1), _row(2)
    second.phones[0]["id"] = first.phones[0]["id"]  # the database refuses it
    report = write_rows([first, second, _row(3)], ImportReport(), partial=True)
    assert report.created == 2
    assert [number for number, _ in report.errors] == [2]
    assert Service.objects.count() == 2 and Phone.objects.count() == 2


def test_a_changed_service_gets_a_revision_and_imported_in_its_history(
    two, tmp_path, admin_client, moderator
):
    first, second = two
    services = export(tmp_path)
    assert "0 created, 0 updated, 2 unchanged, 0 skipped" in run(
        "import_hsds", str(tmp_path)
    )
    assert not Revision.objects.exists() and not ModelLogEntry.objects.exists()

    changed = next(s for s in services if s["id"] == str(first.pk))
    changed["description"] = "Ahora también ropa."
    changed["phones"][0]["number"] = "+52 962 555 9999"
    rewrite(tmp_path, services)
    output = run("import_hsds", str(tmp_path), "--user", "mona")
    assert "0 created, 1 updated, 1 unchanged, 0 skipped" in output

    first.refresh_from_db()
    assert first.description == "Ahora también ropa."
    assert first.phones.get().number == "+529625559999"
    revision = Revision.objects.get()
    assert revision.object_id == str(first.pk) and revision.user == moderator
    assert revision.content["description"] == "Ahora también ropa."
    assert revision.content["phones"][0]["number"] == "+529625559999"
    assert first.live_revision == revision == first.latest_revision
    entry = ModelLogEntry.objects.get(action="directory.import")
    assert (entry.object_id, entry.user, entry.revision_id) == (
        str(first.pk),
        moderator,
        revision.pk,
    )
    assert log_actions.action_exists("directory.import")
    with translation.override("en"):
        assert str(log_actions.get_action_label("directory.import")) == "Imported"
    assert not ModelLogEntry.objects.filter(object_id=str(second.pk)).exists()
    history = admin_client.get(
        reverse("wagtailsnippets_directory_service:history", args=[first.pk])
    )
    assert "Importado" in history.content.decode()  # the admin speaks Spanish


def test_an_unchanged_file_writes_nothing(two, tmp_path):
    export(tmp_path)
    with CaptureQueriesContext(connection) as queries:
        run("import_hsds", str(tmp_path))
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []


def test_as_draft_submits_to_moderation_and_leaves_the_live_entry(
    two, tmp_path, editor
):
    first, _ = two
    services = export(tmp_path)
    changed = next(s for s in services if s["id"] == str(first.pk))
    changed["name"] = "Albergue Uno (nuevo)"
    changed["phones"] = []
    rewrite(tmp_path, services)
    run("import_hsds", str(tmp_path), "--as-draft", "--user", "edith")
    first.refresh_from_db()
    assert first.name == "Albergue Uno" and first.phones.count() == 1
    assert first.live and first.has_unpublished_changes
    assert first.latest_revision.content["name"] == "Albergue Uno (nuevo)"
    assert first.latest_revision.content["phones"] == []
    assert first.live_revision is None
    state = WorkflowState.objects.get(object_id=str(first.pk))
    assert state.status == "in_progress" and state.requested_by == editor
    assert ModelLogEntry.objects.filter(
        action="directory.import", object_id=str(first.pk)
    ).exists()


def test_a_new_entry_as_draft_is_not_published():
    report = write_rows([_row(1)], ImportReport(), as_draft=True)
    service = Service.objects.get()
    assert report.created == 1 and not service.live
    assert service.latest_revision and service.live_revision is None
    assert not Service.objects.public().exists()


@pytest.mark.parametrize("count", [5, 40])
def test_queries_do_not_grow_with_the_rows(count, django_assert_max_num_queries):
    rows = [_row(n) for n in range(1, count + 1)]
    with django_assert_max_num_queries(45):
        report = write_rows(rows, ImportReport())
    assert report.created == count
