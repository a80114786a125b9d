"""A service's facts about today and its public address: open now in
Mexico City time (across midnight and the end of the week), the status and
verification that no older draft rolls back, the service's page under
the directory page of the language being shown, its texts in that language,
whether its status means something (shelters) and the phone to call."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.utils import translation

import pytest

from directory.factories import PhoneFactory, ScheduleFactory, ServiceFactory
from directory.models import Service

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


def test_text_in_the_page_language_else_spanish(shelter):
    shelter.alternate_name = "Bethlehem Shelter"
    shelter.description_en = "  "
    assert shelter.text("name", "en") == ("Bethlehem Shelter", "en")
    assert shelter.text("name", "es") == ("Albergue Belén", "es")
    # Blank English text is no English text.
    assert shelter.text("description", "en") == ("Alojamiento para familias.", "es")
    # A text with no English version is the Spanish one.
    shelter.alert = "Nos mudamos."
    assert shelter.text("alert", "en") == ("Nos mudamos.", "es")
    with translation.override("en"):
        assert shelter.text("name").value == "Bethlehem Shelter"
        assert shelter.texts()["description"].lang == "es"
    assert set(shelter.texts("es")) == {
        "name",
        "description",
        "eligibility_description",
        "application_process",
        "fees_description",
    }


def test_only_shelters_take_people_in_without_a_query_per_service(
    django_assert_num_queries,
):
    ServiceFactory(slug="albergue", types=["shelter", "food"])
    ServiceFactory(slug="clinica", types=["health"])
    services = {s.slug: s for s in Service.objects.for_listing()}
    with django_assert_num_queries(0):
        assert services["albergue"].takes_people_in()
        assert not services["clinica"].takes_people_in()
        assert not services["albergue"].shows_live_status()


def test_live_status_once_reported_for_a_shelter():
    shelter = ServiceFactory(types=["shelter"])
    clinic = ServiceFactory(types=["health"])
    assert shelter.status_changed_at is None and not shelter.shows_live_status()
    shelter.set_status("open")
    clinic.set_status("open")
    assert shelter.shows_live_status()
    assert not clinic.shows_live_status()
    clinic.set_status("temporarily_closed")
    assert clinic.is_temporarily_closed() and not clinic.shows_live_status()


def test_the_phone_to_call_is_not_a_fax_or_a_pager():
    service = ServiceFactory()
    fax = PhoneFactory(service=service, number="+529625550300", kind="fax")
    PhoneFactory(service=service, number="+529625550400", kind="pager")
    text = PhoneFactory(service=service, number="+529625550500", kind="text")
    assert service.call_phone() is None
    assert fax.link_url() == "" and text.link_url() == "sms:+529625550500"
    cell = PhoneFactory(service=service, number="+529625550600", kind="cell")
    assert service.call_phone() == cell
    assert cell.link_url() == "tel:+529625550600"
