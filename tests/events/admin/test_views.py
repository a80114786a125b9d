"""Staff tools in the Wagtail admin (events.admin.views): the registrations
list with filters and seat totals, the export, adding and cancelling by
hand, the check-in page, the dates list and who may use them."""

import csv
import io
from datetime import datetime

from django.urls import reverse

from wagtail.models import ModelLogEntry, PageLogEntry

import openpyxl
import pytest

from events.factories import RegistrationFactory
from events.models import Registration
from tests.events.admin.conftest import make_user
from tests.events.conftest import local, outbox

pytestmark = pytest.mark.django_db


def test_list_filters_and_seat_totals(staff_client, booked):
    url = f"/admin/events_registration/?occurrence={booked.pk}"
    html = staff_client.get(url).content.decode()
    assert "Ana Gómez" in html and "Beto Ruiz" in html
    assert "4 inscripciones: 6 lugares confirmados, 1 en espera, 1 cancelados" in html
    html = staff_client.get(url + "&status=waiting").content.decode()
    assert "Cata" in html and "Ana Gómez" not in html
    assert "1 inscripción: 0 lugares confirmados, 1 en espera" in html
    html = staff_client.get("/admin/events_registration/?q=ANA234").content.decode()
    assert "Ana Gómez" in html and "Beto Ruiz" not in html


def test_csv_export_is_logged(staff_client, booked):
    response = staff_client.get(
        f"/admin/events_registration/?occurrence={booked.pk}&export=csv"
    )
    content = b"".join(response.streaming_content).decode()
    header, *rows = content.strip().splitlines()
    assert "Código" in header and "Correo electrónico" in header
    assert len(rows) == 4
    assert any("Ana Gómez" in row and "ANA234" in row for row in rows)
    entry = PageLogEntry.objects.get(action="events.export")
    assert entry.data["registrations"] == 4 and entry.data["occurrence"] == booked.pk


def test_csv_export_never_holds_a_formula(staff_client, occurrence):
    RegistrationFactory(
        occurrence=occurrence, name="=cmd|'/c calc'!A1", accessibility_needs="+SUM(1)"
    )
    response = staff_client.get(
        f"/admin/events_registration/?occurrence={occurrence.pk}&export=csv"
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(content)))[1]
    assert "'=cmd|'/c calc'!A1" in row
    assert "'+SUM(1)" in row


def test_csv_export_is_utf8_with_a_byte_order_mark(staff_client, occurrence):
    RegistrationFactory(occurrence=occurrence, name="Lucía Pérez")
    response = staff_client.get(
        f"/admin/events_registration/?occurrence={occurrence.pk}&export=csv"
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Lucía Pérez" in content.decode("utf-8-sig")


def test_staff_add_someone_by_hand_within_capacity(staff_client, booked):
    data = {
        "occurrence": booked.pk,
        "name": "Elena por teléfono",
        "email": "",
        "phone": "+52 962 555 0101",
        "seats": "4",
        "accessibility_needs": "",
        "language": "es",
    }
    response = staff_client.post("/admin/events_registration/new/", data)
    assert response.status_code == 302
    elena = Registration.objects.get(name="Elena por teléfono")
    # Four seats were free, but Cata was waiting first and fits: she gets her
    # seat first, and Elena's four no longer fit.
    assert elena.status == "waiting" and elena.added_by.username == "staff"
    assert Registration.objects.get(name="Cata").status == "confirmed"
    assert elena.phone == "+529625550101"

    booked.waiting_list = False
    booked.save()
    response = staff_client.post(
        "/admin/events_registration/new/",
        {**data, "name": "Fede", "seats": "4", "phone": "+52 962 555 0102"},
    )
    assert response.status_code == 200
    assert "esta fecha está llena y no hay lista de espera" in response.content.decode()
    assert not Registration.objects.filter(name="Fede").exists()

    response = staff_client.post(
        "/admin/events_registration/new/", {**data, "phone": "", "name": "Sin datos"}
    )
    assert "Escribe un correo electrónico o un teléfono" in response.content.decode()


def test_staff_cancel_promotes_the_waiting_list(staff_client, booked):
    beto = Registration.objects.get(name="Beto Ruiz")
    cata = Registration.objects.get(name="Cata")
    Registration.objects.filter(pk=cata.pk).update(email="cata@x.example")
    url = f"/admin/events_registration/cancel/{beto.pk}/"
    assert "Sí, cancelarla" in staff_client.get(url).content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302
    beto.refresh_from_db()
    cata.refresh_from_db()
    assert beto.status == "cancelled" and cata.status == "confirmed"
    assert [m.to for m in outbox()] == [["cata@x.example"]]
    entry = ModelLogEntry.objects.get(action="events.cancel")
    assert entry.user.username == "staff" and beto.code in entry.label
    assert beto.cancelled_at is not None


def test_check_in_search_and_tick(staff_client, booked):
    url = f"/admin/events_registration/check-in/{booked.pk}/"
    html = staff_client.get(url, {"q": "ana"}).content.decode()
    assert "Ana Gómez" in html and "Beto Ruiz" not in html
    assert "Cata" not in staff_client.get(url).content.decode()  # waiting
    ana = Registration.objects.get(name="Ana Gómez")
    response = staff_client.post(
        url, {"registration": ana.pk, "present": "1", "q": "ana"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?q=ana")
    ana.refresh_from_db()
    assert ana.attended_at is not None
    html = staff_client.get(url, {"q": "ANA234"}).content.decode()
    assert "4 de 6 lugares con asistencia registrada" in html
    staff_client.post(url, {"registration": ana.pk, "present": "0"})
    ana.refresh_from_db()
    assert ana.attended_at is None
    # A registration of another date, or a made-up id, is not found.
    assert staff_client.post(url, {"registration": "nope"}).status_code == 400
    other = RegistrationFactory()
    assert staff_client.post(url, {"registration": other.pk}).status_code == 400


def test_view_only_staff_cannot_cancel_or_check_in(client, booked):
    viewer = make_user("viewer", "view_registration")
    client.force_login(viewer)
    registration = Registration.objects.first()
    assert client.get("/admin/events_registration/").status_code == 200
    cancel = client.post(f"/admin/events_registration/cancel/{registration.pk}/")
    check_in = client.get(f"/admin/events_registration/check-in/{booked.pk}/")
    # The admin answers a refusal with a redirect to the dashboard.
    assert cancel.status_code == check_in.status_code == 302
    assert cancel["Location"] == "/admin/"
    registration.refresh_from_db()
    assert registration.status != "cancelled"


def test_the_dates_list_shows_seats_taken_of_capacity(staff_client, booked):
    html = staff_client.get(reverse("events_registration:dates")).content.decode()
    assert "Taller de murales" in html and "6 / 10" in html


def test_people_without_permission_are_refused(client, booked):
    client.force_login(make_user("editor"))
    registration = Registration.objects.first()
    for url in [
        reverse("events_registration:index"),
        reverse("events_registration:check_in", args=[booked.pk]),
        reverse("events_registration:cancel", args=[registration.pk]),
        reverse("events_registration:dates"),
        reverse("events_registration:edit", args=[registration.pk]),
    ]:
        response = client.get(url)
        # The admin answers a refusal with a redirect to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    cancel = reverse("events_registration:cancel", args=[registration.pk])
    assert client.post(cancel)["Location"] == "/admin/"
    registration.refresh_from_db()
    assert registration.status != "cancelled"


def test_nobody_deletes_a_registration(admin_client, booked):
    registration = Registration.objects.first()
    response = admin_client.post(
        reverse("events_registration:delete", args=[registration.pk])
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_staff_adding_someone_is_told_confirmed_or_their_waiting_place(
    staff_client, occurrence
):
    RegistrationFactory(occurrence=occurrence, seats=9)
    data = {
        "occurrence": occurrence.pk,
        "name": "Elena",
        "email": "",
        "phone": "962-555-0101",
        "seats": "1",
        "accessibility_needs": "",
        "language": "es",
    }
    url = "/admin/events_registration/new/"
    html = staff_client.post(url, data, follow=True).content.decode()
    elena = Registration.objects.get(name="Elena")
    assert elena.status == "confirmed" and elena.phone == "+529625550101"
    assert f"Inscripción {elena.code} de Elena confirmada." in html
    for place, (name, phone) in enumerate(
        [("Fede", "962 555 0102"), ("Gil", "962 555 0103")], start=1
    ):
        html = staff_client.post(
            url, {**data, "name": name, "phone": phone}, follow=True
        ).content.decode()
        registration = Registration.objects.get(name=name)
        assert registration.status == "waiting"
        assert (
            f"Inscripción {registration.code} de {name} agregada a la lista de "
            f"espera, lugar {place}."
        ) in html


def test_staff_cannot_add_the_same_phone_twice_or_an_impossible_one(
    staff_client, occurrence
):
    data = {
        "occurrence": occurrence.pk,
        "name": "Elena",
        "email": "",
        "phone": "+52 962 555 0101",
        "seats": "1",
        "accessibility_needs": "",
        "language": "es",
    }
    url = "/admin/events_registration/new/"
    assert staff_client.post(url, data).status_code == 302
    response = staff_client.post(url, {**data, "phone": "962-555-0101"})
    assert response.status_code == 200
    assert "Este teléfono ya está inscrito en esta fecha." in response.content.decode()
    response = staff_client.post(url, {**data, "phone": "5555 1234"})
    assert "necesita su código de país" in response.content.decode()
    assert Registration.objects.count() == 1


def test_staff_find_a_phone_however_they_type_it(staff_client, occurrence):
    RegistrationFactory(occurrence=occurrence, name="Elena", phone="+529625550101")
    RegistrationFactory(occurrence=occurrence, name="Fede", phone="+529625550999")
    html = staff_client.get(
        "/admin/events_registration/", {"q": "962 555 0101"}
    ).content.decode()
    assert "Elena" in html and "Fede" not in html
    html = staff_client.get(
        f"/admin/events_registration/check-in/{occurrence.pk}/", {"q": "962-555-0101"}
    ).content.decode()
    assert "Elena" in html and "Fede" not in html


def test_seat_totals_follow_the_search_as_well_as_the_filters(staff_client, booked):
    url = f"/admin/events_registration/?occurrence={booked.pk}&q=Ana"
    html = staff_client.get(url).content.decode()
    assert "Ana Gómez" in html and "Beto Ruiz" not in html
    assert "1 inscripción: 4 lugares confirmados, 0 en espera, 0 cancelados" in html


def test_exports_show_local_times_without_microseconds(staff_client, occurrence):
    RegistrationFactory(
        occurrence=occurrence,
        name="Ana",
        created_at=local(2030, 1, 2, 10, 30, 15, 123456),
        attended_at=local(2030, 1, 9, 18, 5, 1, 999999),
    )
    url = f"/admin/events_registration/?occurrence={occurrence.pk}&export="
    response = staff_client.get(url + "csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(content)))
    values = dict(zip(header, row, strict=True))
    assert values["Inscrita el"] == "2030-01-02 10:30:15"
    assert values["Asistencia"] == "2030-01-09 18:05:01"

    response = staff_client.get(url + "xlsx")
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    header, row = list(sheet.iter_rows(values_only=True))
    values = dict(zip(header, row, strict=True))
    assert values["Inscrita el"] == datetime(2030, 1, 2, 10, 30, 15)
    assert values["Asistencia"] == datetime(2030, 1, 9, 18, 5, 1)


@pytest.mark.parametrize("value", ["²", "\u0661", "9" * 40, "\x00", "-1", "1.0"])
def test_an_odd_date_filter_lists_every_registration(staff_client, booked, value):
    response = staff_client.get("/admin/events_registration/", {"occurrence": value})
    assert response.status_code == 200
    html = response.content.decode()
    # No date is chosen: no check-in link for one.
    assert f"/admin/events_registration/check-in/{booked.pk}/" not in html


@pytest.mark.parametrize("value", ["²", "\u0661", "9" * 40, "\x00"])
def test_check_in_of_an_odd_registration_id_is_a_400(staff_client, booked, value):
    url = f"/admin/events_registration/check-in/{booked.pk}/"
    response = staff_client.post(url, {"registration": value, "present": "1"})
    assert response.status_code == 400
    assert not Registration.objects.filter(attended_at__isnull=False).exists()


def test_check_in_search_ignores_a_nul_and_keeps_the_search(staff_client, booked):
    url = f"/admin/events_registration/check-in/{booked.pk}/"
    html = staff_client.get(url, {"q": "an\x00a"}).content.decode()
    assert "Ana Gómez" in html and "Beto Ruiz" not in html
    ana = Registration.objects.get(name="Ana Gómez")
    response = staff_client.post(
        url, {"registration": ana.pk, "present": "1", "q": "ana & beto=1\n"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?q=ana+%26+beto%3D1")


@pytest.mark.postgres
def test_a_nul_in_the_searches_never_reaches_postgresql(staff_client, booked):
    url = f"/admin/events_registration/check-in/{booked.pk}/"
    assert staff_client.get(url, {"q": "a\x00b"}).status_code == 200
    response = staff_client.get("/admin/events_registration/", {"q": "a\x00b"})
    assert response.status_code == 200
