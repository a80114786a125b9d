"""The filters of the admin's services list."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from directory.factories import ServiceFactory, term
from directory.models import Service

pytestmark = pytest.mark.django_db


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
