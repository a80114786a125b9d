"""Volunteering from a phone, in a real browser without JavaScript: find an
opportunity, sign up in English, confirm from the e-mail; the network's
coordinator then finds the volunteer in the admin."""

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
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}


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


def test_volunteer_signs_up_from_a_phone_without_javascript(
    volunteering, live_server, browser, record, artifacts
):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, java_script_enabled=False
    )
    page = context.new_page()
    recorder = record(page)

    page.goto(f"{live_server.url}/en/take-part/")
    expect(page.locator("h1")).to_have_text("Take part")
    page.get_by_label(re.compile("^Teaching")).check()
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"\?.*habilidad=teaching"))
    page.get_by_role("link", name=re.compile("I want to help")).click()
    assert urlsplit(page.url).path == "/en/volunteering/sign-up/"
    page.screenshot(path=artifacts / "networks-signup-phone.png", full_page=True)

    # Sending the empty form shows the errors in English, by each field.
    page.get_by_role("button", name="Send my sign-up").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("body")).to_contain_text(
        "You must be 18 or older to volunteer."
    )

    page.get_by_label("Your name").fill("Lucy Moreau")
    page.get_by_label("E-mail").fill("lucy@mail.example")
    page.get_by_label("Municipality where you live").fill("Tapachula")
    page.get_by_label("French").check()
    page.get_by_label("Teaching", exact=True).check()
    page.get_by_label("Saturday").check()
    page.get_by_label("Mornings").check()
    page.get_by_label("Why do you want to volunteer?").fill("I teach French.")
    page.get_by_label("I am 18 or older").check()
    page.get_by_label("I have read and accept the privacy notice").check()
    page.get_by_role("button", name="Send my sign-up").click()
    expect(page.locator("h1")).to_have_text("Check your e-mail")

    volunteer = Volunteer.objects.get()
    assert (
        volunteer.language == "en" and volunteer.opportunity.title == "Spanish classes"
    )
    (confirmation,) = mail.outbox
    link = re.search(r"https?://\S+/volunteering/confirm/\S+/", confirmation.body)
    link = link.group(0)
    page.goto(live_server.url + urlsplit(link).path)
    page.get_by_role("button", name="Confirm my sign-up").click()
    expect(page.locator("h1")).to_have_text("Thank you for signing up")
    assert {m.to[0] for m in mail.outbox} == {"lucy@mail.example", "rosa@redes.example"}

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    context.close()

    admin = browser.new_context(viewport={"width": 1280, "height": 900})
    page = admin.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "rosa")
    page.fill("#id_password", "contraseña-de-prueba")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/networks_volunteer/")
    expect(page.locator("body")).to_contain_text("Lucy Moreau")
    page.screenshot(path=artifacts / "networks-coordinator-list.png", full_page=True)
    admin.close()
