"""One "my data" self-service for the whole site: whatever app holds
something under an e-mail address (volunteer sign-ups, pledges, event
registrations, reports about the directory, the copies of e-mails sent to
it), the person sees it, downloads it and deletes it through one signed
link; the core knows none of those apps."""

import ast
import base64
import json
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeFactory,
)
from campaigns.models import Pledge
from convivir.models import OutgoingEmail
from convivir.notifications import send_notification
from convivir.periodic import periodic_jobs
from directory.factories import ServiceFactory
from directory.models import WrongInformationReport
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OccurrenceFactory,
    RegistrationFactory,
    VenueFactory,
    category,
)
from events.models import Registration
from networks.factories import (
    ProtectionNetworkFactory,
    VolunteerFactory,
    VolunteerNoteFactory,
)
from networks.models import Volunteer
from tests.utils import add_child

pytestmark = pytest.mark.django_db

EMAIL = "lucia@correo.example"
OTHER = "otro@correo.example"


def token_for(email):
    from convivir.privacy.links import data_link_token

    return data_link_token(email)


def data_url(email=EMAIL, view="my_data", language="es"):
    with translation.override(language):
        return reverse(f"privacy:{view}", args=[token_for(email)])


@pytest.fixture
def everywhere(home, django_capture_on_commit_callbacks):
    """Lucía has something in every app, and so has someone else."""
    now = timezone.now()
    network = ProtectionNetworkFactory(name="Red Tapachula")
    volunteer = VolunteerFactory(
        network=network,
        email=EMAIL,
        name="Lucía Pérez",
        phone="+52 962 111 2222",
        motivation="Acompañar a familias.",
    )
    VolunteerNoteFactory(volunteer=volunteer, text="Llamada: disponible en enero.")
    VolunteerFactory(network=network, email=OTHER, name="Otro Nombre")

    campaigns = add_child(home, CampaignIndexPageFactory.build())
    campaign = add_child(
        campaigns,
        CampaignPageFactory.build(
            title="Aquí cabemos todas",
            slug="aqui-cabemos-todas",
            pledge_enabled=True,
            pledge_text="Me comprometo a tratar con respeto a las personas migrantes.",
        ),
    )
    PledgeFactory(campaign=campaign, email=EMAIL, name="Lucía Pérez")
    PledgeFactory(campaign=campaign, email=OTHER, name="Otro Nombre")

    calendar = add_child(home, EventIndexPageFactory.build())
    event = add_child(
        calendar,
        EventPageFactory.build(
            title="Taller de murales", venue=VenueFactory(), category=category()
        ),
    )
    start = (now + timedelta(days=3)).replace(microsecond=0)
    upcoming = OccurrenceFactory(
        page=event, start=start, end=start + timedelta(hours=2), capacity=2
    )
    past_start = (now - timedelta(days=3)).replace(microsecond=0)
    past = OccurrenceFactory(
        page=event, start=past_start, end=past_start + timedelta(hours=2)
    )
    booked = RegistrationFactory(
        occurrence=upcoming,
        email=EMAIL,
        name="Lucía Pérez",
        phone="+52 962 333 4444",
        seats=2,
        accessibility_needs="Llego en silla de ruedas.",
    )
    waiting = RegistrationFactory(
        occurrence=upcoming,
        email=OTHER,
        name="Otro Nombre",
        status=Registration.Status.WAITING,
    )
    attended = RegistrationFactory(
        occurrence=past,
        email=EMAIL,
        name="Lucía Pérez",
        phone="+52 962 333 4444",
        attended_at=past_start,
    )

    service = ServiceFactory(name="Comedor San José")
    report = WrongInformationReport.objects.create(
        service=service,
        what_is_wrong="Ya no abren los domingos.",
        contact="Lucía, LUCIA@correo.example",
    )
    lookalike = WrongInformationReport.objects.create(
        service=service, what_is_wrong="Cerrado.", contact="xlucia@correo.example"
    )

    with django_capture_on_commit_callbacks(execute=True):
        for to in ["Lucia@Correo.example", OTHER]:
            send_notification(to=to, template="convivir/email/test_message", context={})
    mail.outbox.clear()
    return {
        "volunteer": volunteer,
        "campaign": campaign,
        "booked": booked,
        "waiting": waiting,
        "attended": attended,
        "report": report,
        "lookalike": lookalike,
    }


def test_the_page_shows_what_every_app_holds_under_the_address(client, everywhere):
    response = client.get(data_url())
    assert response.status_code == 200
    html = response.content.decode()
    for heading in [
        "Inscripciones al voluntariado",
        "Compromisos firmados",
        "Inscripciones a eventos",
        "Reportes de información incorrecta en el directorio",
        "Correos que te enviamos",
    ]:
        assert heading in html
    assert "+52 962 111 2222" in html  # the volunteer's phone
    assert "Llamada: disponible en enero." in html
    assert "Aquí cabemos todas" in html  # the pledge's campaign
    assert "+52 962 333 4444" in html  # the registration's phone
    assert "Llego en silla de ruedas." in html
    assert "Taller de murales" in html
    assert "Ya no abren los domingos." in html
    assert "Cerrado." not in html  # another address that merely contains hers
    assert "Otro Nombre" not in html and OTHER not in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_page_labels_every_field(client, everywhere):
    """Every value is shown under a label in the page's language, never
    under a bare key of the download."""
    from convivir.privacy import personal_data

    for holder in personal_data:
        for record in holder.export(EMAIL):
            assert set(record) <= set(holder.fields), holder.name
    html = client.get(data_url()).content.decode()
    assert "accessibility_needs" not in html and "signed_up_at" not in html


def test_the_page_speaks_english_under_en(client, everywhere):
    html = client.get(data_url(language="en")).content.decode()
    assert "Your data" in html
    assert "Volunteer sign-ups" in html and "Event registrations" in html


def test_the_download_holds_what_every_app_holds(client, everywhere):
    response = client.get(data_url(view="download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    # The file name does not carry the address (a shared phone's downloads).
    assert "lucia" not in response["Content-Disposition"].lower()
    data = json.loads(response.content)
    assert data["email"] == EMAIL
    held = data["data"]
    (signup,) = held["networks"]["records"]
    assert signup["phone"] == "+52 962 111 2222"
    assert signup["notes"][0]["text"] == "Llamada: disponible en enero."
    (pledge,) = held["campaigns"]["records"]
    assert pledge["campaign"] == "Aquí cabemos todas"
    registrations = held["events"]["records"]
    assert {r["code"] for r in registrations} == {
        everywhere["booked"].code,
        everywhere["attended"].code,
    }
    (report,) = held["directory"]["records"]
    assert report["contact"] == "Lucía, LUCIA@correo.example"
    assert [e["subject"] for e in held["emails"]["records"]]
    assert "Otro Nombre" not in response.content.decode()
    assert OTHER not in response.content.decode()


def test_deleting_removes_or_clears_everything_under_the_address(
    client, everywhere, django_capture_on_commit_callbacks
):
    campaign = everywhere["campaign"]
    assert campaign.confirmed_pledges() == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(data_url(view="delete"), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/es/mis-datos/borrados/"
    done = client.get(response["Location"]).content.decode()
    assert "Tus datos fueron borrados" in done

    # Volunteer sign-ups: deleted, with the coordinators' notes.
    assert not Volunteer.objects.filter(email=EMAIL).exists()
    assert Volunteer.objects.filter(email=OTHER).exists()
    # Pledges: deleted, and the campaign's count goes down.
    assert not Pledge.objects.filter(email=EMAIL).exists()
    assert campaign.confirmed_pledges() == 1
    # Upcoming registration: cancelled, its seats go to the waiting list,
    # and the personal data is cleared; the past one is cleared.
    booked = Registration.objects.get(pk=everywhere["booked"].pk)
    assert booked.status == Registration.Status.CANCELLED
    assert (booked.name, booked.email, booked.phone, booked.accessibility_needs) == (
        "",
        "",
        "",
        "",
    )
    assert booked.seats == 2 and booked.purged_at is not None
    waiting = Registration.objects.get(pk=everywhere["waiting"].pk)
    assert waiting.status == Registration.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[OTHER]]  # told of the free seat
    attended = Registration.objects.get(pk=everywhere["attended"].pk)
    assert (attended.name, attended.email, attended.phone) == ("", "", "")
    assert attended.attended_at is not None  # the counts stay
    # Directory report: the contact is cleared, the report stays.
    report = WrongInformationReport.objects.get(pk=everywhere["report"].pk)
    assert report.contact == "" and report.what_is_wrong == "Ya no abren los domingos."
    lookalike = WrongInformationReport.objects.get(pk=everywhere["lookalike"].pk)
    assert lookalike.contact == "xlucia@correo.example"
    # The copies of the e-mails sent to the address.
    assert not OutgoingEmail.objects.filter(to__iexact=EMAIL).exists()
    assert OutgoingEmail.objects.filter(to=OTHER).exists()


def test_the_audit_log_never_holds_the_address_or_names(client, everywhere):
    client.get(data_url(view="download"))
    client.post(data_url(view="delete"), {"confirm": "on"})
    entries = list(ModelLogEntry.objects.all()) + list(PageLogEntry.objects.all())
    assert any(e.action.endswith("self_export") for e in entries)
    actions = {e.action for e in entries}
    assert {"networks.erase", "campaigns.erase", "events.self_erase"} <= actions
    assert "directory.self_erase" in actions
    for entry in entries:
        logged = f"{entry.label} {json.dumps(entry.data)}".lower()
        assert "lucia" not in logged and "lucía" not in logged
        assert "pérez" not in logged and "+52 962" not in logged


def test_deleting_needs_the_confirmation_box(client, everywhere):
    response = client.post(data_url(view="delete"), {})
    assert response.status_code == 400
    assert "Marca la casilla para confirmar." in response.content.decode()
    assert Volunteer.objects.filter(email=EMAIL).exists()
    assert Pledge.objects.filter(email=EMAIL).exists()


def test_the_link_does_not_carry_the_address(everywhere):
    token = token_for(EMAIL)
    payload = base64.urlsafe_b64decode(token.split(":")[0] + "==")
    assert b"lucia" not in payload.lower()
    assert "lucia" not in token.lower()


def test_the_link_of_deleted_data_says_so(client, everywhere):
    url = data_url()
    client.post(f"{url}borrar/", {"confirm": "on"})
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Los datos a los que llevaba este enlace ya fueron borrados." in html
    assert "Aquí cabemos todas" not in html


def test_an_expired_link_says_so(client, everywhere):
    url = data_url()
    later = time.time() + timedelta(days=31).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(url)
    assert response.status_code == 400
    assert "Este enlace ya venció" in response.content.decode()


@pytest.mark.parametrize("view", ["privacy:my_data", "privacy:download"])
def test_a_forged_link_shows_nothing(client, everywhere, view):
    response = client.get(reverse(view, args=[EMAIL]))
    assert response.status_code == 400
    assert "+52 962" not in response.content.decode()


def test_a_forged_link_deletes_nothing(client, everywhere):
    client.post(reverse("privacy:delete", args=["abc:def"]), {"confirm": "on"})
    assert Volunteer.objects.filter(email=EMAIL).exists()
    assert Pledge.objects.filter(email=EMAIL).exists()


def test_asking_for_a_link_answers_the_same_and_mails_whoever_holds_data(
    client, home, django_capture_on_commit_callbacks
):
    """An address with only a pledge gets a link too; an unknown address
    gets nothing; the page is the same in both cases."""
    campaigns = add_child(home, CampaignIndexPageFactory.build())
    campaign = add_child(
        campaigns,
        CampaignPageFactory.build(pledge_enabled=True, pledge_text="Me comprometo."),
    )
    PledgeFactory(campaign=campaign, email="firma@correo.example")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            reverse("privacy:request_link"), {"email": "Firma@Correo.example"}
        )
        unknown = client.post(
            reverse("privacy:request_link"), {"email": "nadie@correo.example"}
        )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/es/mis-datos/enviado/"
    (message,) = mail.outbox
    assert message.to == ["firma@correo.example"]
    assert "/es/mis-datos/" in message.body
    link = next(word for word in message.body.split() if "/mis-datos/" in word)
    page = client.get(link.removeprefix(settings.BASE_URL))
    assert page.status_code == 200
    assert "Compromisos firmados" in page.content.decode()


def test_the_request_form_is_a_public_form(client, db):
    response = client.post(
        reverse("privacy:request_link"), {"email": "no es un correo"}
    )
    assert response.status_code == 200
    assert "Escribe una dirección de correo electrónico válida." in (
        response.content.decode()
    )
    spam = client.post(
        reverse("privacy:request_link"), {"email": EMAIL, "website": "x"}
    )
    assert spam["Location"] == "/es/mis-datos/enviado/"


def test_links_are_deleted_once_they_expire(everywhere):
    from convivir.models import PersonalDataLink
    from convivir.privacy.links import purge_data_links

    token_for(EMAIL)
    PersonalDataLink.objects.update(created_at=timezone.now() - timedelta(days=31))
    token_for(EMAIL)
    assert purge_data_links() == 1
    assert PersonalDataLink.objects.count() == 1
    assert "purge_data_links" in [job.name for job in periodic_jobs]


def test_the_core_imports_no_app():
    """The core learns what apps hold through the registry only."""
    apps = {"networks", "campaigns", "events", "directory", "search"}
    core = Path(settings.BASE_DIR) / "convivir"
    modules = [
        core / "apps.py",
        *(core / "models").glob("*.py"),
        core / "urls.py",
        *(core / "privacy").glob("*.py"),
    ]
    assert len(modules) > 3
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in apps, f"{module}: {name}"
