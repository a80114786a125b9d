"""Volunteering from a phone, in a real browser, in Spanish and in English,
with JavaScript and without: find an opportunity, sign up, confirm from the
e-mail; the network's coordinator then finds the volunteer in the admin."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest
from playwright.sync_api import expect

from networks.factories import (
    CoordinatorFactory,
    ProtectionNetworkFactory,
    VolunteerIndexPageFactory,
    VolunteerOpportunityFactory,
)
from networks.models import Volunteer
from tests.browser.journeys import DESKTOP, VARIANTS, phone
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What each language shows along the way (the site's own texts).
WORDS = {
    "es": {
        "list": "/es/participa/",
        "heading": "Participa",
        "teaching": "Enseñanza",
        "apply": "Aplicar",
        "help": "Quiero ayudar",
        "signup": "/es/voluntariado/inscripcion/",
        "send": "Enviar mi inscripción",
        "age_error": "Para ser voluntaria o voluntario debes tener 18 años o más.",
        "name": "Tu nombre",
        "email": "Correo electrónico",
        "town": "Municipio donde vives",
        "french": "Francés",
        "saturday": "Sábado",
        "mornings": "Mañanas",
        "why": "¿Por qué quieres ser voluntaria o voluntario?",
        "adult": "Tengo 18 años o más",
        "privacy": "He leído y acepto el aviso de privacidad",
        "sent": "Revisa tu correo",
        "opportunity": "Clases de español",
        "confirm_link": "/es/voluntariado/confirmar/",
        "confirm": "Confirmar mi inscripción",
        "thanks": "Gracias por inscribirte",
    },
    "en": {
        "list": "/en/take-part/",
        "heading": "Take part",
        "teaching": "Teaching",
        "apply": "Apply",
        "help": "I want to help",
        "signup": "/en/volunteering/sign-up/",
        "send": "Send my sign-up",
        "age_error": "You must be 18 or older to volunteer.",
        "name": "Your name",
        "email": "E-mail",
        "town": "Municipality where you live",
        "french": "French",
        "saturday": "Saturday",
        "mornings": "Mornings",
        "why": "Why do you want to volunteer?",
        "adult": "I am 18 or older",
        "privacy": "I have read and accept the privacy notice",
        "sent": "Check your e-mail",
        "opportunity": "Spanish classes",
        "confirm_link": "/en/volunteering/confirm/",
        "confirm": "Confirm my sign-up",
        "thanks": "Thank you for signing up",
    },
}


@pytest.fixture
def volunteering(home, english, settings):
    settings.RATELIMIT_ENABLED = False
    coordinator = CoordinatorFactory(username="rosa", email="rosa@redes.example")
    network = ProtectionNetworkFactory(
        name="Red Tapachula", slug="red-tapachula", coordinators=[coordinator]
    )
    spanish = VolunteerOpportunityFactory(
        network=network, title="Clases de español", skills=["teaching"]
    )
    english_opportunity = spanish.copy_for_translation(english)
    english_opportunity.title = "Spanish classes"
    english_opportunity.save()
    page = add_child(home, VolunteerIndexPageFactory.build())
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(page, english, title="Take part", slug="take-part")
    return coordinator


@pytest.mark.parametrize("language, javascript", VARIANTS)
def test_volunteer_signs_up_from_a_phone(
    language, javascript, volunteering, live_server, browser, record, artifacts
):
    words = WORDS[language]
    context = phone(browser, javascript)
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = record(page)

    page.goto(live_server.url + words["list"])
    expect(page.locator("h1")).to_have_text(words["heading"])
    page.get_by_label(re.compile("^" + words["teaching"])).check()
    page.get_by_role("button", name=words["apply"]).click()
    expect(page).to_have_url(re.compile(r"\?.*habilidad=teaching"))
    page.get_by_role("link", name=re.compile(words["help"])).click()
    expect(page).to_have_url(re.compile(re.escape(words["signup"])))
    assert urlsplit(page.url).path == words["signup"]
    page.screenshot(
        path=artifacts / f"networks-signup-phone-{language}.png", full_page=True
    )

    # Sending the empty form shows the errors in the page's language.
    page.get_by_role("button", name=words["send"]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("body")).to_contain_text(words["age_error"])

    page.get_by_label(words["name"]).fill("Lucy Moreau")
    page.get_by_label(words["email"]).fill("lucy@mail.example")
    page.get_by_label(words["town"]).fill("Tapachula")
    page.get_by_label(words["french"]).check()
    page.get_by_label(words["teaching"], exact=True).check()
    page.get_by_label(words["saturday"]).check()
    page.get_by_label(words["mornings"]).check()
    page.get_by_label(words["why"]).fill("I teach French.")
    page.get_by_label(words["adult"]).check()
    page.get_by_label(words["privacy"]).check()
    page.get_by_role("button", name=words["send"]).click()
    expect(page.locator("h1")).to_have_text(words["sent"])

    volunteer = Volunteer.objects.get()
    assert volunteer.language == language
    assert volunteer.opportunity.title == words["opportunity"]
    (confirmation,) = mail.outbox
    link = re.search(
        r"https?://[^/\s]+" + re.escape(words["confirm_link"]) + r"\S+/",
        confirmation.body,
    ).group(0)
    page.goto(live_server.url + urlsplit(link).path)
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator("h1")).to_have_text(words["thanks"])
    assert {m.to[0] for m in mail.outbox} == {"lucy@mail.example", "rosa@redes.example"}

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    assert recorder.console_errors == []
    context.close()

    if not javascript:
        return  # Wagtail's admin needs JavaScript: the coordinator has it.
    admin = browser.new_context(viewport=DESKTOP)
    page = admin.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "rosa")
    page.fill("#id_password", "contraseña-de-prueba")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/networks_volunteer/")
    expect(page.locator("body")).to_contain_text("Lucy Moreau")
    page.screenshot(
        path=artifacts / f"networks-coordinator-list-{language}.png", full_page=True
    )
    admin.close()
