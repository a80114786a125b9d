"""Admin views beyond the viewsets: "mark verified today", for those who may
edit services only. (The places view and the requests to publish an
address are in test_confidential_admin.)"""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


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


def test_people_outside_the_groups_cannot_verify(client, django_user_model):
    service = ServiceFactory()
    url = reverse("directory_verify", args=[service.pk])
    user = django_user_model.objects.create_user("nadie", password="x")
    client.force_login(user)
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    # With the admin but without the right to edit services: sent back to
    # the dashboard.
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.post(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    service.refresh_from_db()
    assert service.last_verified_at is None
