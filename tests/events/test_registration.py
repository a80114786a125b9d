"""Registration from the form to the e-mail: seats, the waiting list and
its promotion, phone-only registrations, duplicates, cancelling, and every
kind of bad input answered with a message and nothing half-saved."""

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
from events.models import CANCEL_LINK, Registration, RegistrationError
from tests.events.conftest import outbox

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


def test_cancel_promotes_the_waiting_list_in_order_and_emails_them(occurrence):
    taken = RegistrationFactory(occurrence=occurrence, seats=4)
    RegistrationFactory(occurrence=occurrence, seats=6)
    first = Registration.register(occurrence.pk, name="A", email="a@x.example", seats=3)
    second = Registration.register(
        occurrence.pk, name="B", email="b@x.example", seats=1
    )
    third = Registration.register(occurrence.pk, name="C", email="c@x.example", seats=2)
    outbox().clear()
    promoted = taken.cancel()
    assert [r.pk for r in promoted] == [first.pk, second.pk]
    statuses = {
        r.name: r.status
        for r in Registration.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    }
    assert statuses == {"A": "confirmed", "B": "confirmed", "C": "waiting"}
    assert sorted(m.to[0] for m in outbox()) == ["a@x.example", "b@x.example"]
    assert outbox()[0].subject == "Tienes lugar: Taller de murales"
    assert outbox()[0].attachments[0][0] == "evento.ics"
    third.refresh_from_db()
    assert third.waiting_place() == 1


def test_capacity_is_never_exceeded(occurrence):
    for n in range(12):
        Registration.register(occurrence.pk, name=f"P{n}", email=f"p{n}@x.example")
    assert occurrence.registrations.filter(status="confirmed").count() == 10
    assert occurrence.registrations.filter(status="waiting").count() == 2


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


def test_model_refuses_what_the_form_would(occurrence):
    with pytest.raises(RegistrationError) as error:
        Registration.register(occurrence.pk, name="A", seats=9)
    assert error.value.reason == "too_many_seats"
    Registration.register(occurrence.pk, name="A", email="a@x.example")
    with pytest.raises(RegistrationError) as error:
        Registration.register(occurrence.pk, name="A", email=" A@X.example ")
    assert error.value.reason == "duplicate" and error.value.existing is not None


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


def test_model_refuses_a_phone_already_registered_in_another_format(occurrence):
    Registration.register(occurrence.pk, name="A", phone="+52 962 555 0101")
    with pytest.raises(RegistrationError) as error:
        Registration.register(occurrence.pk, name="B", phone="(962) 555-0101")
    assert error.value.reason == "duplicate" and error.value.field == "phone"
    # Another date, or a cancelled registration, is no duplicate.
    Registration.register(
        OccurrenceFactory(page=occurrence.page).pk, name="A", phone="9625550101"
    )
    Registration.objects.get(occurrence=occurrence).cancel()
    Registration.register(occurrence.pk, name="A", phone="962.555.0101")


def test_a_number_that_cannot_be_a_phone_is_refused_next_to_the_field(
    client, occurrence, registration_data
):
    response = post(client, occurrence, registration_data, email="", phone="5555 1234")
    html = response.content.decode()
    assert 'id="id_phone_error"' in html
    assert "necesita su código de país, por ejemplo +502 para Guatemala" in html
    assert Registration.objects.count() == 0


def test_stored_phones_are_normalised_by_the_migration(occurrence):
    from importlib import import_module

    from django.apps import apps

    typed = RegistrationFactory(occurrence=occurrence, phone="962-555-0101")
    odd = RegistrationFactory(occurrence=occurrence, phone="pregunte en el albergue")
    empty = RegistrationFactory(occurrence=occurrence, phone="")
    migration = import_module("events.migrations.0003_registration_phone_e164")
    migration.normalize_phones(apps, None)
    for registration in (typed, odd, empty):
        registration.refresh_from_db()
    assert typed.phone == "+529625550101"
    assert odd.phone == "pregunte en el albergue"
    assert empty.phone == ""
