"""Registration from the form to the e-mail (events.views): seats, the
waiting list and its promotion, phone-only registrations, duplicates,
cancelling, every kind of bad input answered with a message and nothing
half-saved, signed links, and the addresses in the visitor's language."""

import re
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

import icalendar
import pytest

from events.factories import OccurrenceFactory, RegistrationFactory
from events.models import CANCEL_LINK, Registration
from tests.events.conftest import outbox
from tests.utils import error_summary_text, token_in

pytestmark = pytest.mark.django_db


def register_url(occurrence, lang="es"):
    with translation.override(lang):
        return reverse("events:register", args=[occurrence.pk])


def post(client, occurrence, data, lang="es", **changes):
    return client.post(register_url(occurrence, lang), {**data, **changes})


def link(body: str, word: str) -> str:
    return urlsplit(re.search(rf"https?://\S+/{word}/\S+/", body).group(0)).path


def test_registration_confirms_seats_and_emails_the_ics(
    client, occurrence, registration_data
):
    response = post(client, occurrence, registration_data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.seats == 2
    assert registration.email == "lucia@correo.example"
    assert registration.consent_at is not None

    page = client.get(response["Location"]).content.decode()
    assert "Ya estás inscrita o inscrito" in page
    assert registration.code in page
    assert f"/es/eventos/{occurrence.pk}.ics" in page
    assert "calendar.google.com/calendar/render?action=TEMPLATE" in page

    (email,) = outbox()
    assert email.to == ["lucia@correo.example"]
    assert email.subject == "Inscripción confirmada: Taller de murales"
    assert "Tus 2 lugares para Taller de murales están reservados." in email.body
    assert registration.code in email.body
    (filename, content, mimetype) = email.attachments[0]
    assert filename == "evento.ics" and mimetype == "text/calendar"
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(event["UID"]) == f"occurrence-{occurrence.pk}@convivir.example.org"
    assert event["DTSTART"].params["TZID"] == "America/Mexico_City"
    assert event.decoded("DTSTART") == occurrence.start

    cancel_path = link(email.body, "cancelar")
    assert cancel_path.startswith("/es/eventos/cancelar/")
    assert "Cancelar mi inscripción" in client.get(cancel_path).content.decode()
    assert client.post(cancel_path).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_registration_in_english_writes_in_english(
    client, occurrence, registration_data
):
    post(client, occurrence, registration_data, lang="en", language="en")
    email = outbox()[-1]
    assert email.subject == "You are registered: Taller de murales"
    assert "Your 2 seats for Taller de murales are booked." in email.body
    assert link(email.body, "cancel").startswith("/en/events/cancel/")


def test_phone_only_registration_gets_a_code_and_no_email(
    client, occurrence, registration_data
):
    response = post(
        client, occurrence, registration_data, email="", phone="+52 962 111 2233"
    )
    registration = Registration.objects.get()
    assert registration.phone == "+529621112233" and registration.email == ""
    page = client.get(response["Location"]).content.decode()
    assert registration.code in page
    assert "Anota este código" in page
    assert "/es/eventos/cancelar/" in page
    assert outbox() == []


def test_full_occurrence_puts_registrant_on_waiting_list_with_place(
    client, occurrence, registration_data
):
    RegistrationFactory(occurrence=occurrence, seats=9)
    post(client, occurrence, registration_data)  # 2 seats: do not fit
    post(client, occurrence, registration_data, email="otra@correo.example")
    first, second = Registration.objects.filter(status="waiting").order_by("pk")
    assert first.waiting_place() == 1 and second.waiting_place() == 2
    page = client.get(
        f"/es/eventos/inscripcion/{second.confirmation_token()}/"
    ).content.decode()
    assert "Estás en la lista de espera" in page
    assert "Tu lugar en la lista de espera: 2." in page
    assert outbox()[-1].subject == "Lista de espera: Taller de murales"
    assert "en el lugar 2." in " ".join(outbox()[-1].body.split()), outbox()[-1].body


def test_the_waiting_list_gets_no_calendar_until_the_seat_is_theirs(
    client, occurrence, registration_data
):
    taken = RegistrationFactory(occurrence=occurrence, seats=10)
    response = post(client, occurrence, registration_data)
    registration = Registration.objects.get(email="lucia@correo.example")
    assert registration.status == "waiting"
    page = client.get(response["Location"]).content.decode()
    assert "Estás en la lista de espera" in page
    assert f"/es/eventos/{occurrence.pk}.ics" not in page
    assert "calendar.google.com" not in page
    assert "/es/eventos/cancelar/" in page
    (email,) = outbox()
    assert email.attachments == []
    assert ".ics" not in email.body
    # Sent again on request: still no calendar.
    client.post(
        f"/es/eventos/{occurrence.pk}/reenviar/", {"email": "lucia@correo.example"}
    )
    assert outbox()[-1].attachments == []
    # Once promoted, the e-mail brings the calendar and the page offers it.
    taken.cancel()
    promoted = outbox()[-1]
    assert promoted.to == ["lucia@correo.example"]
    assert "se abrieron lugares y ya tienes lugar confirmado" in promoted.body
    assert promoted.attachments[0][0] == "evento.ics"
    page = client.get(response["Location"]).content.decode()
    assert f"/es/eventos/{occurrence.pk}.ics" in page
    assert "calendar.google.com" in page


def test_full_without_waiting_list_is_refused_with_a_message(
    client, occurrence, registration_data
):
    occurrence.waiting_list = False
    occurrence.save()
    RegistrationFactory(occurrence=occurrence, seats=10)
    response = post(client, occurrence, registration_data)
    assert response.status_code == 409
    assert "esta fecha está llena y no hay lista de espera" in response.content.decode()
    assert Registration.objects.count() == 1


def test_duplicate_email_is_told_and_can_get_the_confirmation_again(
    client, occurrence, registration_data
):
    post(client, occurrence, registration_data)
    outbox().clear()
    response = post(client, occurrence, registration_data, email="LUCIA@correo.example")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Este correo ya está inscrito en esta fecha" in html
    assert 'id="id_email_error"' in html
    assert "Enviarme otra vez la confirmación" in html
    assert Registration.objects.count() == 1

    response = client.post(
        f"/es/eventos/{occurrence.pk}/reenviar/", {"email": "lucia@correo.example"}
    )
    assert "le enviamos otra vez la confirmación" in response.content.decode()
    (email,) = outbox()
    assert email.to == ["lucia@correo.example"]
    assert Registration.objects.get().code in email.body
    # An address that is not registered gets the same answer and no e-mail.
    client.post(f"/es/eventos/{occurrence.pk}/reenviar/", {"email": "x@y.example"})
    assert len(outbox()) == 1


# --- Bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"seats": "5"}, "seats", "Puedes inscribir como máximo 4 lugares a la vez."),
        ({"seats": "0"}, "seats", ""),
        ({"seats": "muchos"}, "seats", ""),
        ({"email": "lucia@"}, "email", ""),
        (
            {"email": "", "phone": ""},
            "email",
            "Escribe un correo electrónico o un teléfono",
        ),
        (
            {"email": "", "phone": "llámame"},
            "phone",
            "Escribe el número solo con dígitos",
        ),
        ({"consent": ""}, "consent", "Solo podemos inscribirte con tu consentimiento."),
        ({"name": ""}, "name", ""),
        ({"language": "xx"}, "language", ""),
        ({"accessibility_needs": "x" * 600}, "accessibility_needs", ""),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    client, occurrence, registration_data, changes, field, message
):
    response = post(client, occurrence, registration_data, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "error-summary" in html
    assert message in html
    assert Registration.objects.count() == 0 and outbox() == []


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "es",
            "Hay un problema Tu nombre: Este campo es obligatorio. "
            "Número de lugares: Escribe un número entero.",
        ),
        (
            "en",
            "There is a problem Your name: This field is required. "
            "Number of seats: Enter a whole number.",
        ),
    ],
)
def test_the_error_summary_names_each_field(
    client, occurrence, registration_data, lang, expected
):
    response = post(
        client, occurrence, registration_data, lang=lang, name="", seats="dos"
    )
    assert error_summary_text(response).endswith(expected)


@pytest.mark.parametrize("case", ["past", "closed", "not_yet", "disabled"])
def test_registering_when_not_open_gets_a_clear_message(
    client, event, registration_data, case
):
    now = timezone.now()
    occurrence = OccurrenceFactory(page=event)
    if case == "past":
        occurrence.start, occurrence.end = (
            now - timedelta(hours=3),
            now - timedelta(hours=1),
        )
    elif case == "closed":
        occurrence.registration_closes_at = now - timedelta(minutes=1)
    elif case == "not_yet":
        occurrence.registration_opens_at = now + timedelta(days=1)
    occurrence.save()
    if case == "disabled":
        event.registration_enabled = False
        event.save_revision().publish()
    messages = {
        "past": "Esta fecha ya empezó o ya pasó",
        "closed": "La inscripción para esta fecha está cerrada.",
        "not_yet": "La inscripción para esta fecha todavía no abre.",
        "disabled": "Este evento no necesita inscripción",
    }
    get = client.get(register_url(occurrence))
    assert messages[case] in get.content.decode()
    response = post(client, occurrence, registration_data)
    assert response.status_code == 400
    assert messages[case] in response.content.decode()
    assert Registration.objects.count() == 0


def test_unknown_occurrence_is_404(client, calendar_page):
    assert client.get("/es/eventos/999/inscripcion/").status_code == 404
    assert client.get("/es/eventos/999.ics").status_code == 404


def test_honeypot_saves_nothing(client, occurrence, registration_data):
    response = post(client, occurrence, registration_data, website="http://spam")
    assert response.status_code == 302
    assert Registration.objects.count() == 0 and outbox() == []


def test_rate_limit_answers_429_with_a_message(
    client, occurrence, registration_data, settings
):
    settings.RATELIMIT_ENABLED = True
    with mock.patch("events.conf.registration_rate_limit", return_value=1):
        post(client, occurrence, registration_data)
        response = post(client, occurrence, registration_data, email="b@x.example")
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()
    assert Registration.objects.count() == 1


# --- Signed links -----------------------------------------------------------------


@pytest.mark.parametrize("view", ["cancelar", "inscripcion"])
def test_tampered_links_are_refused(client, occurrence, view):
    registration = RegistrationFactory(occurrence=occurrence)
    token = (
        registration.cancel_token()
        if view == "cancelar"
        else registration.confirmation_token()
    )
    for bad in (token[:-2] + "xx", "nada", token.replace(":", "")):
        response = client.get(f"/es/eventos/{view}/{bad}/")
        assert response.status_code == 400
        assert "Este enlace no funciona" in response.content.decode()
    # A confirmation link does not cancel, and the other way round.
    other = (
        registration.confirmation_token()
        if view == "cancelar"
        else registration.cancel_token()
    )
    assert client.get(f"/es/eventos/{view}/{other}/").status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_expired_cancel_link_is_refused(client, occurrence):
    registration = RegistrationFactory(occurrence=occurrence)
    token = registration.cancel_token()
    with mock.patch("django.core.signing.time.time", return_value=10**11):
        response = client.post(f"/es/eventos/cancelar/{token}/")
    assert response.status_code == 400
    assert "Este enlace ya venció" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_cancelling_twice_says_so(client, occurrence):
    registration = RegistrationFactory(occurrence=occurrence)
    url = f"/es/eventos/cancelar/{registration.cancel_token()}/"
    client.post(url)
    response = client.post(url)
    assert response.status_code == 200
    assert "Esta inscripción ya estaba cancelada" in response.content.decode()


def test_signed_payload_of_another_shape_is_refused(client, occurrence):
    token = signing.dumps([1, 2], salt=CANCEL_LINK.salt)
    assert client.get(f"/es/eventos/cancelar/{token}/").status_code == 400


def test_purged_registration_links_stop_working(client, event):
    ended = timezone.now() - timedelta(days=40)
    old = OccurrenceFactory(page=event, start=ended - timedelta(hours=1), end=ended)
    registration = RegistrationFactory(occurrence=old)
    token = registration.confirmation_token()
    Registration.purge()
    assert client.get(f"/es/eventos/inscripcion/{token}/").status_code == 400


# --- Phones -----------------------------------------------------------------------


def test_the_same_phone_typed_differently_is_a_duplicate(
    client, occurrence, registration_data
):
    first = post(client, occurrence, registration_data, email="", phone="962-555-0101")
    assert first.status_code == 302
    response = post(
        client, occurrence, registration_data, email="", phone="962 555 0101"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_phone_error"' in html
    assert "Este teléfono ya está inscrito en esta fecha" in html
    (registration,) = Registration.objects.all()
    assert registration.phone == "+529625550101" and registration.seats == 2


def test_a_number_that_cannot_be_a_phone_is_refused_next_to_the_field(
    client, occurrence, registration_data
):
    response = post(client, occurrence, registration_data, email="", phone="5555 1234")
    html = response.content.decode()
    assert 'id="id_phone_error"' in html
    assert "necesita su código de país, por ejemplo +502 para Guatemala" in html
    assert Registration.objects.count() == 0


# --- Addresses in the visitor's language ------------------------------------------


def test_english_addresses_of_registration_and_calendars(
    client, occurrence, registration_data
):
    pk = occurrence.pk
    assert client.get(f"/en/events/{pk}/register/").status_code == 200
    assert client.get(f"/en/events/{pk}.ics").status_code == 200
    assert client.get("/en/events/calendar.ics").status_code == 200
    response = client.post(f"/en/events/{pk}/register/", registration_data)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/events/registration/")
    registration = Registration.objects.get()
    confirmation = client.get(response["Location"]).content.decode()
    token = token_in(confirmation, "/en/events/cancel/")
    assert Registration.from_token(token, CANCEL_LINK) == registration
    assert client.get(f"/en/events/cancel/{token}/").status_code == 200
    response = client.post(f"/en/events/{pk}/resend/", {"email": "x@y.example"})
    assert response.status_code == 200


def test_the_spanish_addresses_under_english_move_permanently(client, occurrence):
    registration = RegistrationFactory(occurrence=occurrence)
    pk = occurrence.pk
    confirm = registration.confirmation_token()
    cancel = registration.cancel_token()
    moves = {
        "/en/eventos/calendar.ics": "/en/events/calendar.ics",
        f"/en/eventos/{pk}.ics": f"/en/events/{pk}.ics",
        f"/en/eventos/{pk}/inscripcion/": f"/en/events/{pk}/register/",
        f"/en/eventos/{pk}/reenviar/": f"/en/events/{pk}/resend/",
        f"/en/eventos/inscripcion/{confirm}/": f"/en/events/registration/{confirm}/",
        f"/en/eventos/cancelar/{cancel}/": f"/en/events/cancel/{cancel}/",
    }
    for old, new in moves.items():
        response = client.get(old, {"state": "chiapas"})
        assert response.status_code == 301, old
        assert response["Location"] == f"{new}?state=chiapas"
    # The links in e-mails sent before keep working through the move.
    page = client.get(f"/en/eventos/cancelar/{cancel}/", follow=True)
    assert page.status_code == 200
    assert "Cancel my registration" in page.content.decode()


def test_the_language_switcher_names_the_same_form(client, occurrence):
    html = client.get(f"/es/eventos/{occurrence.pk}/inscripcion/").content.decode()
    assert f'href="/en/events/{occurrence.pk}/register/"' in html
