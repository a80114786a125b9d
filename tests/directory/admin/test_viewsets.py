"""The editors' admin through the test client: organisations with inline
locations, services with inline places, phones and schedules, moderation,
"mark verified today", filters, the dashboard panel and who sees a
confidential address."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from directory.factories import (
    EditorFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceFactory,
    term,
)
from directory.models import Organization, Service

pytestmark = pytest.mark.django_db


def _service_form(organization, location, **fields):
    return nested_form_data(
        {
            "organization": str(organization.pk),
            "name": "Comedor San José",
            "slug": "comedor-san-jose",
            "description": "Comida caliente todos los días.",
            "status": "open",
            "service_types": [str(term("food").pk)],
            "is_free": "on",
            "languages": '["es"]',
            "service_at_locations": inline_formset(
                [{"location": str(location.pk), "description": ""}]
            ),
            "schedules": inline_formset(
                [{"weekday": "0", "opens_at": "08:00", "closes_at": "14:00"}]
            ),
            "phones": inline_formset(
                [{"number": "+52 962 555 0199", "whatsapp": "on", "description": ""}]
            ),
            "contacts": inline_formset([]),
            "required_documents": inline_formset([{"document": "Nada"}]),
            **fields,
        }
    )


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
        {**_service_form(organization, location), "action-submit": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    service = Service.objects.get(slug="comedor-san-jose")
    assert not service.live
    assert service.workflow_in_progress
    # Editors have no publish button of their own.
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
        {**_service_form(organization, location), "action-publish": "on"},
    )
    service.refresh_from_db()
    assert not service.live

    client.force_login(moderator)
    response = client.post(
        reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
        {**_service_form(organization, location), "action-publish": "on"},
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


def test_mark_verified_today_is_recorded_and_logged(client, editor):
    service = ServiceFactory(last_verified_at=timezone.now() - timedelta(days=400))
    client.force_login(editor)
    url = reverse("directory_verify", args=[service.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.last_verified_at > timezone.now() - timedelta(minutes=1)
    assert service.verified_by == editor
    assert ModelLogEntry.objects.filter(
        object_id=str(service.pk), action="directory.verify", user=editor
    ).exists()


def test_verification_survives_publishing_an_older_draft(editor):
    service = ServiceFactory()
    revision = service.save_revision(user=editor)
    service.mark_verified(user=editor)
    service.set_status("full")
    revision.publish()
    service.refresh_from_db()
    assert service.last_verified_at is not None and service.status == "full"


def test_people_outside_the_groups_cannot_verify(client, django_user_model):
    user = django_user_model.objects.create_user("nadie", password="x")
    client.force_login(user)
    service = ServiceFactory()
    assert client.post(reverse("directory_verify", args=[service.pk])).status_code in (
        302,
        403,
    )
    service.refresh_from_db()
    assert service.last_verified_at is None


def test_list_filters(client, editor):
    ServiceFactory(name="Albergue Norte", status="full")
    ServiceFactory(name="Clínica Sur", location__municipality="Arriaga")
    ServiceFactory(
        name="Refugio Reservado", location__is_confidential=True, types=["trafficking"]
    )
    old = ServiceFactory(name="Comedor Viejo")
    Service.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=200)
    )
    client.force_login(editor)
    url = reverse("wagtailsnippets_directory_service:list")

    def names(**query):
        html = client.get(url, query).content.decode()
        return {
            n
            for n in [
                "Albergue Norte",
                "Clínica Sur",
                "Refugio Reservado",
                "Comedor Viejo",
            ]
            if n in html
        }

    assert names(status="full") == {"Albergue Norte"}
    assert names(municipality="Arriaga") == {"Clínica Sur"}
    assert names(confidential="true") == {"Refugio Reservado"}
    assert names(service_type=str(term("trafficking").pk)) == {"Refugio Reservado"}
    assert names(needs_verification="true") == {"Comedor Viejo"}
    assert names(q="Clínica") == {"Clínica Sur"}


def test_dashboard_lists_entries_due_for_verification(client, editor):
    service = ServiceFactory(name="Comedor Olvidado")
    Service.objects.filter(pk=service.pk).update(
        created_at=timezone.now() - timedelta(days=200)
    )
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Comedor Olvidado" in html


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
            **_service_form(service.organization, other, slug=service.slug),
            "action-submit": "on",
        },
    )
    assert response.status_code == 200
    assert not service.service_at_locations.filter(location=other).exists()
