"""The directory's admin forms: an organisation's confidential address only
for holders of the permission, each view of it logged; a service's places
chosen among its organisation's locations."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from directory.factories import (
    EditorFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceFactory,
)
from tests.directory.admin.helpers import service_form

pytestmark = pytest.mark.django_db


def test_confidential_address_only_with_permission_and_logged(client, editor):
    organization = OrganizationFactory()
    LocationFactory(
        organization=organization, is_confidential=True, address_1="Callejón Oculto 7"
    )
    url = reverse("wagtailsnippets_directory_organization:edit", args=[organization.pk])

    client.force_login(editor)
    assert "Callejón Oculto 7" in client.get(url).content.decode()
    assert ModelLogEntry.objects.filter(
        action="directory.view_confidential", user=editor
    ).exists()

    # An organisation editor without the permission sees no address and
    # saving the form keeps it.
    other = EditorFactory(username="otro")
    other.groups.clear()
    group = Group.objects.create(name="Solo organizaciones")
    group.permissions.set(
        Group.objects.get(name="Directory editors").permissions.exclude(
            codename="view_confidential_location"
        )
    )
    other.groups.add(group)
    client.force_login(other)
    html = client.get(url).content.decode()
    assert "Callejón Oculto 7" not in html
    assert not ModelLogEntry.objects.filter(
        action="directory.view_confidential", user=other
    ).exists()


def test_places_are_chosen_among_the_organizations_locations(client, editor):
    service = ServiceFactory()
    other = LocationFactory(name="Sede de otra organización")
    client.force_login(editor)
    html = client.get(
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk])
    ).content.decode()
    assert service.locations()[0].name in html
    assert "Sede de otra organización" not in html
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
        {
            **service_form(service.organization, other, slug=service.slug),
            "action-submit": "on",
        },
    )
    assert response.status_code == 200
    assert not service.service_at_locations.filter(location=other).exists()
