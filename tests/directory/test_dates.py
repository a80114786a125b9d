"""Dates on the directory's public pages read as on every public page of
the site: "26 de noviembre de 2026", "26 November 2026"."""

from datetime import datetime

from django.utils import timezone

import pytest

from directory.models import Service
from tests.utils import page_text

pytestmark = pytest.mark.django_db


def test_the_service_page_dates_read_as_everywhere(client, directory_page_en, shelter):
    moment = timezone.make_aware(datetime(2026, 11, 26, 9, 30))
    shelter.set_status("full")
    Service.objects.filter(pk=shelter.pk).update(
        last_verified_at=moment, status_changed_at=moment
    )
    spanish = page_text(client.get("/es/buscar-ayuda/servicio/albergue-belen/"))
    assert "Verificado por última vez el 26 de noviembre de 2026." in spanish
    assert "desde el 26 de noviembre de 2026 a las 09:30" in spanish
    english = page_text(client.get("/en/find-help/service/albergue-belen/"))
    assert "Last verified on 26 November 2026." in english
    assert "since 26 November 2026, 09:30" in english
