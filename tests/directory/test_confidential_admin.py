"""Who may see and change a confidential location in the admin.

Only holders of "Can see confidential locations" see the address, and each
time a view renders it the audit log says who (edit form, the same form
shown again after an error, the read-only places view). Only they may untick
"confidential"; turning it off is audit-logged, and a directory editor's
untick (their changes are moderated) waits for a moderator's approval. No
other path shows the address (copy, inspect, history, choosers, listing) or
turns the flag off (the model refuses it; imports keep it)."""

import io

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from directory.confidentiality import ConfidentialityError
from directory.exchange import export_package, import_path
from directory.factories import EditorFactory, LocationFactory, ServiceFactory
from directory.models import AddressRelease, Location
from networks.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db

STREET = "Callejón Oculto 7"


@pytest.fixture
def shelter(db):
    location = LocationFactory(
        name="Casa Refugio",
        is_confidential=True,
        address_1=STREET,
        transportation="Bajar frente a la iglesia",
        municipality="Tapachula",
    )
    ServiceFactory(organization=location.organization, location=location)
    return location


@pytest.fixture
def outsider(db):
    """Edits organisations but does not hold the confidential permission."""
    user = EditorFactory(username="otro")
    user.groups.clear()
    group = Group.objects.create(name="Solo organizaciones")
    group.permissions.set(
        Group.objects.get(name="Directory editors").permissions.exclude(
            codename="view_confidential_location"
        )
    )
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory(username="coordi")


def edit_url(location):
    return reverse(
        "wagtailsnippets_directory_organization:edit",
        args=[location.organization_id],
    )


def form_data(location, **changes):
    organization = location.organization
    row = {
        "id": str(location.pk),
        "name": location.name,
        "municipality": location.municipality,
        "state": location.state,
        "address_1": location.address_1,
        "address_2": location.address_2,
        "postal_code": location.postal_code,
        "latitude": str(location.latitude),
        "longitude": str(location.longitude),
        "description": location.description,
        "accessibility": location.accessibility,
        "transportation": location.transportation,
        "is_confidential": "on" if location.is_confidential else "",
    }
    row.update(changes.pop("row", {}))
    row = {k: v for k, v in row.items() if v != ""}
    return nested_form_data(
        {
            "name": organization.name,
            "slug": organization.slug,
            "description": organization.description,
            "locations": inline_formset([row], initial=1),
            **changes,
        }
    )


def refused(response) -> bool:
    """Wagtail's admin answers a permission error by sending the user back
    to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def views_logged(user) -> int:
    return ModelLogEntry.objects.filter(
        action="directory.view_confidential", user=user
    ).count()


# --- Who may change the flag --------------------------------------------------------


def test_without_the_permission_the_flag_cannot_be_unticked(client, shelter, outsider):
    client.force_login(outsider)
    html = client.get(edit_url(shelter)).content.decode()
    assert STREET not in html
    assert "Bajar frente a la iglesia" not in html
    response = client.post(
        edit_url(shelter), form_data(shelter, row={"is_confidential": ""})
    )
    assert response.status_code == 302
    shelter.refresh_from_db()
    assert shelter.is_confidential
    assert shelter.address_1 == STREET
    assert not AddressRelease.objects.exists()


def test_an_editors_untick_waits_for_a_moderator(client, shelter, editor, moderator):
    client.force_login(editor)
    response = client.post(
        edit_url(shelter),
        form_data(shelter, row={"is_confidential": ""}),
        follow=True,
    )
    assert "sigue siendo confidencial hasta que una persona moderadora apruebe" in (
        response.content.decode()
    )
    shelter.refresh_from_db()
    assert shelter.is_confidential
    release = AddressRelease.objects.get(location=shelter)
    assert release.status == AddressRelease.Status.PENDING
    assert release.requested_by == editor
    assert ModelLogEntry.objects.filter(
        action="directory.release_requested", user=editor
    ).exists()

    # The editor cannot approve their own request; a moderator can.
    approve = reverse("directory_address_release_approve", args=[release.pk])
    assert refused(client.post(approve))
    shelter.refresh_from_db()
    assert shelter.is_confidential
    client.force_login(moderator)
    listing = client.get(reverse("directory_address_releases")).content.decode()
    assert "Casa Refugio" in listing
    assert client.post(approve).status_code == 302
    shelter.refresh_from_db()
    assert not shelter.is_confidential
    release.refresh_from_db()
    assert release.status == AddressRelease.Status.APPROVED
    assert release.decided_by == moderator
    assert ModelLogEntry.objects.filter(
        action="directory.release_location", user=moderator
    ).exists()


def test_a_moderator_may_refuse_a_request(client, shelter, editor, moderator):
    release = AddressRelease.objects.create(location=shelter, requested_by=editor)
    client.force_login(moderator)
    client.post(reverse("directory_address_release_reject", args=[release.pk]))
    shelter.refresh_from_db()
    release.refresh_from_db()
    assert shelter.is_confidential
    assert release.status == AddressRelease.Status.REJECTED


def test_a_moderators_untick_is_published_and_logged(client, shelter, moderator):
    client.force_login(moderator)
    response = client.post(
        edit_url(shelter), form_data(shelter, row={"is_confidential": ""})
    )
    assert response.status_code == 302
    shelter.refresh_from_db()
    assert not shelter.is_confidential
    entry = ModelLogEntry.objects.get(
        action="directory.release_location", user=moderator
    )
    assert entry.data["location"] == str(shelter.pk)


def test_anyone_who_edits_may_make_a_place_confidential(client, outsider):
    location = LocationFactory(is_confidential=False)
    client.force_login(outsider)
    response = client.post(
        edit_url(location), form_data(location, row={"is_confidential": "on"})
    )
    assert response.status_code == 302
    location.refresh_from_db()
    assert location.is_confidential


def test_the_model_refuses_to_turn_it_off_by_any_other_path(shelter):
    shelter.is_confidential = False
    with pytest.raises(ConfidentialityError):
        shelter.save()
    assert Location.objects.get(pk=shelter.pk).is_confidential


# --- Who may see the address --------------------------------------------------------


def test_the_form_shown_again_after_an_error_is_logged_too(client, shelter, editor):
    client.force_login(editor)
    response = client.post(
        edit_url(shelter), form_data(shelter, row={"latitude": "123"})
    )
    assert response.status_code == 200
    assert STREET in response.content.decode()
    assert views_logged(editor) == 1


def test_the_copy_and_inspect_views_are_refused(client, shelter, editor):
    client.force_login(editor)
    pk = shelter.organization_id
    for name in ("copy", "inspect"):
        with pytest.raises(Exception):  # noqa: B017 - the URL does not exist
            reverse(f"wagtailsnippets_directory_organization:{name}", args=[pk])
    response = client.get(
        f"/admin/snippets/directory/organization/copy/{pk}/", follow=True
    )
    assert response.status_code == 404


def test_history_listing_and_choosers_never_show_the_address(client, shelter, editor):
    client.force_login(editor)
    organization = shelter.organization
    service = organization.services.get()
    for url in (
        reverse("wagtailsnippets_directory_organization:list"),
        reverse(
            "wagtailsnippets_directory_organization:history", args=[organization.pk]
        ),
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
        reverse("wagtailsnippets_directory_service:history", args=[service.pk]),
        reverse("wagtailsnippets_directory_service:list"),
        reverse("wagtailsnippets_directory_organization:list") + "?export=csv",
        reverse("wagtailsnippets_directory_service:list") + "?export=csv",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        content = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        assert STREET not in content.decode(), url
    assert views_logged(editor) == 0


def test_coordinators_read_the_address_in_one_logged_view(
    client, shelter, coordinator, outsider
):
    url = reverse("directory_organization_places", args=[shelter.organization_id])
    client.force_login(coordinator)
    listing = client.get(
        reverse("wagtailsnippets_directory_organization:list")
    ).content.decode()
    assert url in listing
    html = client.get(url).content.decode()
    assert STREET in html and "Bajar frente a la iglesia" in html
    assert views_logged(coordinator) == 1
    client.get(url)
    assert views_logged(coordinator) == 2
    # Editing stays out of their reach.
    assert refused(client.get(edit_url(shelter)))

    client.force_login(outsider)
    assert refused(client.get(url))


def test_the_internal_export_needs_a_user_with_the_permission(
    shelter, editor, outsider, tmp_path
):
    with pytest.raises(CommandError):
        call_command(
            "export_hsds",
            str(tmp_path / "a"),
            "--include-confidential",
            stdout=io.StringIO(),
        )
    with pytest.raises(CommandError):
        call_command(
            "export_hsds",
            str(tmp_path / "b"),
            "--include-confidential",
            "--user",
            outsider.username,
            stdout=io.StringIO(),
        )
    call_command(
        "export_hsds",
        str(tmp_path / "c"),
        "--include-confidential",
        "--user",
        editor.username,
        stdout=io.StringIO(),
    )
    assert STREET in (tmp_path / "c" / "services.json").read_text()
    assert ModelLogEntry.objects.filter(
        action="directory.export_confidential", user=editor
    ).exists()


def test_an_import_never_turns_it_off(shelter, editor, tmp_path):
    export_package(tmp_path / "package", include_confidential=True, user=editor)
    path = tmp_path / "package" / "services.json"
    path.write_text(
        path.read_text().replace('"confidential": true', '"confidential": false')
    )
    report = import_path(tmp_path / "package")
    assert report.written, report.lines()
    shelter.refresh_from_db()
    assert shelter.is_confidential
    assert any("stays confidential" in line for line in report.warning_lines())
