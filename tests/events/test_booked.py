"""A date that has registrations is never removed, whatever path the page
takes: publishing an older revision, a scheduled revision, a revert in the
admin, an editor's stale form, or deleting the whole event. The editor is
told when a date was kept."""

from datetime import timedelta

from django.core.management import call_command
from django.db.models import ProtectedError
from django.utils import timezone

from wagtail.models import Page, Revision

import pytest

from events.models import EventPage, Occurrence, Registration
from tests.events.conftest import edit_form_data

pytestmark = pytest.mark.django_db

KEPT = "Esta fecha tiene inscripciones, así que se conservó en la página"


@pytest.fixture
def history(event):
    """The event's first revision has one date; a later published revision
    added a second date, on which someone registered."""
    page = EventPage.objects.get(pk=event.pk)
    start = (timezone.now() + timedelta(days=5)).replace(microsecond=0)
    page.occurrences = [Occurrence(start=start, end=start + timedelta(hours=2))]
    page.save_revision().publish()
    page = EventPage.objects.get(pk=event.pk)
    (first_date,) = page.occurrences.all()
    first = page.save_revision()  # the first version, as the database has it
    first.publish()
    later = start + timedelta(days=7)
    page.occurrences = [
        first_date,
        Occurrence(start=later, end=later + timedelta(hours=2), capacity=10),
    ]
    page.save_revision().publish()
    added = Occurrence.objects.get(page=event, start=later)
    registration = Registration.register(
        added.pk, name="Ana", email="ana@x.example", seats=2
    )
    return {
        "first": first,
        "first_date": first_date,
        "added": added,
        "registration": registration,
    }


def assert_kept(history):
    assert Occurrence.objects.filter(pk=history["added"].pk).exists()
    assert Registration.objects.filter(pk=history["registration"].pk).exists()
    page = EventPage.objects.get(pk=history["added"].page_id)
    assert set(page.occurrences.values_list("pk", flat=True)) == {
        history["first_date"].pk,
        history["added"].pk,
    }


def test_publishing_an_older_revision_keeps_the_booked_date(history):
    history["first"].publish()
    assert_kept(history)


def test_publishing_a_scheduled_revision_keeps_the_booked_date(history):
    # An editor working on the first version scheduled it, unaware of the
    # date added since.
    stale = history["first"].as_object()
    stale.occurrences = [history["first_date"]]
    revision = stale.save_revision(
        approved_go_live_at=timezone.now() + timedelta(hours=1)
    )
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # it was published
    assert_kept(history)


def test_reverting_in_the_admin_keeps_the_booked_date_and_says_so(
    admin_client, history
):
    page = EventPage.objects.get(pk=history["added"].page_id)
    old = history["first"].content
    data = edit_form_data(page, {})
    # The revert form holds the first revision's only date.
    data.update(
        {
            "occurrences-TOTAL_FORMS": "1",
            "occurrences-INITIAL_FORMS": "1",
            "occurrences-0-id": str(old["occurrences"][0]["pk"]),
        }
    )
    for key in [k for k in data if k.startswith("occurrences-1-")]:
        del data[key]
    url = f"/admin/pages/{page.pk}/revisions/{history['first'].pk}/revert/"
    response = admin_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert KEPT in response.content.decode()
    assert_kept(history)


def test_a_stale_form_without_the_booked_date_keeps_it_and_says_so(
    admin_client, history
):
    page = EventPage.objects.get(pk=history["added"].page_id)
    data = edit_form_data(page, {})
    # Opened before the second date was added: the form has one date.
    data["occurrences-TOTAL_FORMS"] = data["occurrences-INITIAL_FORMS"] = "1"
    data["occurrences-0-id"] = str(history["first_date"].pk)
    for key in [k for k in data if k.startswith("occurrences-1-")]:
        del data[key]
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    assert KEPT in response.content.decode()
    assert_kept(history)


def test_the_page_model_never_drops_a_booked_date(history):
    page = EventPage.objects.get(pk=history["added"].page_id)
    page.occurrences = [history["first_date"]]
    page.save()
    assert_kept(history)


def test_deleting_an_event_with_registrations_is_refused_with_a_message(
    admin_client, history
):
    page = history["added"].page
    url = f"/admin/pages/{page.pk}/delete/"
    response = admin_client.post(url, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "tiene inscripciones en sus fechas, así que no se puede eliminar" in html
    assert Page.objects.filter(pk=page.pk).exists()
    assert_kept(history)
    # Nor the calendar above it.
    calendar = page.get_parent()
    response = admin_client.post(f"/admin/pages/{calendar.pk}/delete/", follow=True)
    assert "no se puede eliminar" in response.content.decode()
    assert Page.objects.filter(pk=calendar.pk).exists()
    # Bulk deletion from the page listing is refused the same way.
    response = admin_client.post(
        f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}", follow=True
    )
    assert "no se puede eliminar" in response.content.decode()
    assert Page.objects.filter(pk=page.pk).exists()


def test_an_event_without_registrations_can_still_be_deleted(admin_client, event):
    response = admin_client.post(f"/admin/pages/{event.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=event.pk).exists()


def test_the_database_refuses_to_delete_a_booked_date(history):
    with pytest.raises(ProtectedError):
        history["added"].delete()
