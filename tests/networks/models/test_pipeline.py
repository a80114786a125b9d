"""The coordinators' follow-up (:mod:`networks.models.pipeline`): statuses,
safeguards before "active", dated notes, the audit log, and the code of
conduct accepted by the volunteer through their link."""

import time
from datetime import timedelta
from unittest import mock

from wagtail.models import ModelLogEntry

import pytest

from networks.factories import VolunteerFactory
from networks.models import Volunteer
from tests.networks.conftest import address, volunteer_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(network_a):
    return VolunteerFactory(network=network_a, name="Alba", status="training")


def edit(client, volunteer, **data):
    return client.post(
        volunteer_admin("edit", volunteer.pk), {"status": volunteer.status, **data}
    )


def test_status_cannot_become_active_before_the_three_safeguards(as_a, volunteer):
    response = edit(as_a, volunteer, status="active")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Una persona voluntaria solo puede pasar a activa con" in html
    volunteer.refresh_from_db()
    assert volunteer.status == "training"
    assert volunteer.training_completed_at is None


def test_coordinator_records_safeguards_and_then_activates(
    as_a, coordinator_a, volunteer
):
    volunteer.accept_code_of_conduct()
    response = edit(
        as_a, volunteer, record_training="on", record_references="on", new_note=""
    )
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.training_completed_at and volunteer.references_checked_at
    assert volunteer.training_recorded_by == coordinator_a
    assert volunteer.references_recorded_by == coordinator_a
    assert volunteer.missing_safeguards() == []

    response = edit(as_a, volunteer, status="active", new_note="Empieza el lunes.")
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.status == Volunteer.Status.ACTIVE
    (note,) = volunteer.notes.all()
    assert note.text == "Empieza el lunes." and note.author == coordinator_a

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(volunteer.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    for action in (
        "networks.conduct",
        "networks.training",
        "networks.references",
        "networks.status",
        "networks.note",
    ):
        assert action in actions
    status_entry = ModelLogEntry.objects.get(action="networks.status")
    assert status_entry.data == {"from": "training", "to": "active"}
    assert status_entry.user == coordinator_a
    # The note's words stay out of the log.
    assert "lunes" not in str(ModelLogEntry.objects.values_list("data", flat=True))

    history = as_a.get(volunteer_admin("history", volunteer.pk)).content.decode()
    assert "Estado cambiado" in history


def test_all_statuses_follow_one_another(as_a, volunteer):
    for status in ("new", "contacted", "training", "inactive", "declined"):
        assert edit(as_a, volunteer, status=status).status_code == 302
        volunteer.refresh_from_db()
        assert volunteer.status == status


def test_volunteer_accepts_the_code_of_conduct_through_their_link(
    client, volunteer, volunteer_page
):
    url = address("networks:conduct", volunteer.conduct_token())
    html = client.get(url).content.decode()
    assert "Respeto la dignidad" in html
    assert "Acepto el código de conducta" in html
    response = client.post(url)
    assert "Registramos que aceptas el código de conducta" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.conduct_accepted_at is not None


def test_the_conduct_link_still_works_a_year_later(client, volunteer):
    """The volunteer must accept before becoming active, however long the
    follow-up takes, and nothing else can send them a new link."""
    url = address("networks:conduct", volunteer.conduct_token())
    a_year_later = time.time() + timedelta(days=400).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=a_year_later):
        response = client.post(url)
    assert response.status_code == 200
    volunteer.refresh_from_db()
    assert volunteer.conduct_accepted_at is not None


def test_tampered_conduct_link_records_nothing(client, volunteer):
    response = client.post(address("networks:conduct", "x" * 40))
    assert response.status_code == 400
    volunteer.refresh_from_db()
    assert volunteer.conduct_accepted_at is None


def test_edit_page_shows_the_volunteers_details_and_safeguards(as_a, volunteer):
    volunteer.add_note("Llamada del martes", None)
    html = as_a.get(volunteer_admin("edit", volunteer.pk)).content.decode()
    assert volunteer.email in html
    assert "Llamada del martes" in html
    assert "todavía no registrado" in html
