"""Every way a service changes keeps it findable as it is now: saved,
published from a revision, unpublished, deleted, its place moved, its
status set from the staff's link, verified, imported, hidden for lack of
verification."""

from datetime import timedelta

from django.utils import timezone

import pytest

from directory.exchange.importing import write_rows
from directory.exchange.report import ImportReport
from directory.factories import ServiceFactory
from directory.models.services import SERVICES_KIND, Service
from search import engine
from search.indexing import rebuild
from search.query import Query
from tests.directory.exchange.helpers import parsed, place, record

pytestmark = pytest.mark.django_db


def found(text="", **query) -> set[str]:
    results = engine.search(SERVICES_KIND, Query(text=text, per_page=100, **query))
    return {hit.key for hit in results.hits}


def test_a_save_is_searchable_at_once(shelter):
    shelter.description = "Clases de guitarra los martes."
    shelter.save()
    assert found("guitarra") == {str(shelter.pk)}
    shelter.description = "Clases de pintura los jueves."
    shelter.save()
    assert found("pintura") == {str(shelter.pk)} and not found("guitarra")


def test_a_published_revision_is_searchable_and_a_draft_is_not(shelter, moderator):
    shelter.name = "Casa Tochan"
    revision = shelter.save_revision(user=moderator)
    assert not found("tochan")
    revision.publish(user=moderator)
    assert found("tochan") == {str(shelter.pk)}


def test_unpublished_and_deleted_services_are_not_found(shelter, moderator):
    other = ServiceFactory(name="Comedor Fraternidad", types=["food"])
    shelter.unpublish(user=moderator)
    assert str(shelter.pk) not in found()
    other.delete()
    assert not found("fraternidad")


def test_a_moved_place_is_searched_in_its_new_town(shelter):
    location = shelter.locations()[0]
    location.municipality = "Arriaga"
    location.latitude, location.longitude = "16.236100", "-93.898900"
    location.save()
    assert found(filters={"town": ["arriaga"]}) == {str(shelter.pk)}
    assert found(near=(16.2361, -93.8989), radius_km=5) == {str(shelter.pk)}


def test_a_status_set_from_the_link_changes_open_now(shelter):
    shelter.open_24_hours = True
    shelter.save()
    assert str(shelter.pk) in found(open_now=True)
    shelter.set_status("temporarily_closed", via="link")
    assert str(shelter.pk) not in found(open_now=True)


def test_hidden_entries_are_not_found_and_come_back_when_verified(shelter):
    old = timezone.now() - timedelta(days=400)
    Service.objects.filter(pk=shelter.pk).update(last_verified_at=old, created_at=old)
    rebuild(SERVICES_KIND)
    assert str(shelter.pk) not in found()
    shelter.refresh_from_db()
    shelter.mark_verified(name="Hermana Rosa")
    assert str(shelter.pk) in found()


def test_imported_services_are_searchable(db):
    rows, report = parsed(
        record(
            name="Comedor San Vicente",
            description="Comida caliente",
            service_at_locations=[place(state_province="Chiapas")],
        )
    )
    assert report.lines() == []
    write_rows(rows, ImportReport())
    (service,) = Service.objects.filter(name="Comedor San Vicente")
    assert found("comida caliente") == {str(service.pk)}
