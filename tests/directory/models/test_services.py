"""A service's facts about today and its public address: open now in
Mexico City time (across midnight and the end of the week), the status and
verification that no older draft rolls back, and the service's page under
the directory page of the language being shown."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.utils import translation

import pytest

from directory.factories import ScheduleFactory, ServiceFactory

pytestmark = pytest.mark.django_db
MX = ZoneInfo("America/Mexico_City")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    # 2026-11-23 is a Monday.
    return datetime(2026, 11, 23 + day, hour, minute, tzinfo=MX)


def test_open_now_in_mexico_city_time(shelter):
    assert shelter.is_open_at(_at(0, 8)) is True
    assert shelter.is_open_at(_at(0, 19, 59)) is True
    assert shelter.is_open_at(_at(0, 20)) is False
    assert shelter.is_open_at(_at(1, 9)) is False
    # 14:00 UTC is 08:00 in Mexico City.
    utc = datetime(2026, 11, 23, 14, 0, tzinfo=ZoneInfo("UTC"))
    assert shelter.is_open_at(utc) is True


def test_open_now_across_midnight_and_the_end_of_the_week():
    service = ServiceFactory()
    ScheduleFactory(service=service, weekday=6, opens_at=time(22), closes_at=time(6))
    assert service.is_open_at(_at(6, 23)) is True  # Sunday night
    assert service.is_open_at(_at(7, 5, 59)) is True  # Monday early morning
    assert service.is_open_at(_at(7, 6)) is False
    assert service.is_open_at(_at(6, 21)) is False


def test_open_now_without_hours_is_unknown_and_24h_is_open():
    service = ServiceFactory()
    assert service.is_open_at(_at(0, 3)) is None
    service.open_24_hours = True
    assert service.is_open_at(_at(0, 3)) is True
    service.status = "temporarily_closed"
    assert service.is_open_at(_at(0, 3)) is False


def test_verification_survives_publishing_an_older_draft(editor):
    service = ServiceFactory()
    revision = service.save_revision(user=editor)
    service.mark_verified(user=editor)
    service.set_status("full")
    revision.publish()
    service.refresh_from_db()
    assert service.last_verified_at is not None and service.status == "full"


def test_a_service_is_found_under_the_directory_of_the_language_shown(
    directory_page_en, shelter
):
    assert shelter.get_url() == "/es/buscar-ayuda/servicio/albergue-belen/"
    with translation.override("en"):
        assert shelter.get_url() == "/en/find-help/service/albergue-belen/"
    assert shelter.get_url(directory=directory_page_en) == (
        "/en/find-help/service/albergue-belen/"
    )
    assert shelter.get_full_url("en") == (
        "https://convivir.example.org/en/find-help/service/albergue-belen/"
    )
    assert shelter.get_full_url() == (
        "https://convivir.example.org/es/buscar-ayuda/servicio/albergue-belen/"
    )


def test_without_a_directory_page_a_service_has_no_address(shelter):
    assert shelter.get_url() == ""
    assert shelter.get_full_url("en") == ""
