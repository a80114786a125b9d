"""The dashboard panel: entries due for re-verification."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from directory.factories import ServiceFactory
from directory.models import Service

pytestmark = pytest.mark.django_db


def test_dashboard_lists_entries_due_for_verification(client, editor):
    service = ServiceFactory(name="Comedor Olvidado")
    Service.objects.filter(pk=service.pk).update(
        created_at=timezone.now() - timedelta(days=200)
    )
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Comedor Olvidado" in html
