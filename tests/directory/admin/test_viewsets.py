"""The directory's snippets in the admin: organisations with inline
locations, services with inline places, phones and schedules, and the
moderation of an editor's changes."""

from django.urls import reverse

from wagtail.models import ModelLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from directory.factories import (
    LocationFactory,
    OrganizationFactory,
)
from directory.models import Organization, Service
from tests.directory.admin.helpers import service_form

pytestmark = pytest.mark.django_db


def test_editor_creates_organization_with_inline_location(client, editor):
    client.force_login(editor)
    data = nested_form_data(
        {
            "name": "Casa del Caminante",
            "slug": "casa-del-caminante",
            "description": "Albergue de la parroquia.",
            "locations": inline_formset(
                [
                    {
                        "name": "Albergue",
                        "municipality": "Huixtla",
                        "state": "chiapas",
                        "address_1": "Calle 5 Norte 12",
                        "latitude": "15.14",
                        "longitude": "-92.46",
                    }
                ]
            ),
        }
    )
    response = client.post(reverse("wagtailsnippets_directory_organization:add"), data)
    assert response.status_code == 302
    organization = Organization.objects.get(slug="casa-del-caminante")
    (location,) = organization.locations.all()
    assert (location.town, location.address_1) == ("huixtla", "Calle 5 Norte 12")


def test_invalid_coordinates_are_rejected_next_to_the_field(client, editor):
    client.force_login(editor)
    data = nested_form_data(
        {
            "name": "X",
            "slug": "x",
            "description": "X",
            "locations": inline_formset(
                [
                    {
                        "name": "Sede",
                        "municipality": "Arriaga",
                        "state": "chiapas",
                        "latitude": "123",
                        "longitude": "-92",
                    }
                ]
            ),
        }
    )
    response = client.post(reverse("wagtailsnippets_directory_organization:add"), data)
    assert response.status_code == 200
    assert not Organization.objects.exists()
    assert "90" in response.content.decode()


def test_editor_changes_go_to_moderation_and_a_moderator_publishes(
    client, editor, moderator
):
    organization = OrganizationFactory()
    location = LocationFactory(organization=organization)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_directory_service:add"),
        {**service_form(organization, location), "action-submit": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    service = Service.objects.get(slug="comedor-san-jose")
    assert not service.live
    assert service.workflow_in_progress
    # Editors have no publish button of their own.
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
        {**service_form(organization, location), "action-publish": "on"},
    )
    service.refresh_from_db()
    assert not service.live

    client.force_login(moderator)
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
        {**service_form(organization, location), "action-publish": "on"},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.live
    assert service.phones.filter(whatsapp=True).exists()
    assert service.schedules.filter(closes_at__hour=14).exists()
    assert service.service_at_locations.filter(location=location).exists()
    assert WorkflowState.objects.for_instance(service).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(service.pk), action="wagtail.publish"
    ).exists()
