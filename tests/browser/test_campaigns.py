"""Signing a campaign's pledge from a phone, in a real browser, in Spanish
and in English, with JavaScript and without: open the campaign, sign,
follow the link from the e-mail, see the counter go up. With JavaScript the
pages also pass the automated accessibility checks."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest
from playwright.sync_api import expect

from campaigns.factories import CampaignIndexPageFactory, ThemeFactory
from campaigns.models import Pledge
from tests.browser.journeys import VARIANTS, phone
from tests.campaigns.conftest import make_campaign
from tests.utils import add_child, translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What each language shows along the way (the site's own texts).
WORDS = {
    "es": {
        "list": "/es/campanas/",
        "title": "Aquí cabemos todas",
        "nobody": "0 personas han firmado",
        "one": "1 persona ha firmado",
        "pledge": "Me comprometo",
        "consent_error": "Solo podemos contar tu compromiso con tu consentimiento.",
        "name": "Tu nombre",
        "email": "Correo electrónico",
        "town": "Municipio donde vives",
        "consent": "^Acepto que Convivir",
        "sent": "Revisa tu correo",
        "confirm_link": "/es/campanas/compromiso/confirmar/",
        "confirm": "Confirmar mi compromiso",
        "thanks": "Gracias por tu compromiso",
        "back": "^Volver a",
    },
    "en": {
        "list": "/en/campaigns/",
        "title": "Room for all",
        "nobody": "0 people have signed",
        "one": "1 person has signed",
        "pledge": "I pledge",
        "consent_error": "We can only count your pledge with your consent.",
        "name": "Your name",
        "email": "E-mail",
        "town": "Municipality where you live",
        "consent": "^I agree that Convivir",
        "sent": "Check your e-mail",
        "confirm_link": "/en/campaigns/pledge/confirm/",
        "confirm": "Confirm my pledge",
        "thanks": "Thank you for your pledge",
        "back": "^Back to",
    },
}


@pytest.fixture
def campaign(home, english, settings):
    settings.RATELIMIT_ENABLED = False
    index = add_child(home, CampaignIndexPageFactory.build())
    campaign = make_campaign(
        index,
        title="Aquí cabemos todas",
        slug="aqui-cabemos-todas",
        themes=[ThemeFactory(name="Convivencia", slug="convivencia")],
        states=["chiapas"],
        pledge_enabled=True,
        pledge_text="Me comprometo a tratar con respeto a las personas migrantes.",
    )
    translate_page(home, english, title="Home", hero_heading="Welcome")
    translate_page(index, english, title="Campaigns", slug="campaigns")
    translate_page(
        campaign,
        english,
        title="Room for all",
        slug="room-for-all",
        pledge_text="I pledge to treat migrants with respect.",
    )
    return campaign


@pytest.mark.parametrize("language, javascript", VARIANTS)
def test_sign_the_pledge_and_see_the_counter(
    language,
    javascript,
    campaign,
    live_server,
    browser,
    record,
    artifacts,
    accessibility_violations,
):
    words = WORDS[language]
    context = phone(browser, javascript)
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = record(page)
    # axe-core runs in the page: only with JavaScript on.
    problems = {}

    def check(name):
        if javascript:
            problems[name] = accessibility_violations(page)

    page.goto(live_server.url + words["list"])
    page.get_by_role("link", name=words["title"]).click()
    expect(page.locator("h1")).to_have_text(words["title"])
    expect(page.locator(".pledge__count")).to_contain_text(words["nobody"])
    check("campaign")

    # An empty pledge: the errors are shown by each field.
    page.get_by_role("button", name=words["pledge"]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("body")).to_contain_text(words["consent_error"])
    check("pledge with errors")

    page.get_by_label(words["name"]).fill("Lucía Pérez")
    page.get_by_label(words["email"]).fill("lucia@correo.example")
    page.get_by_label(words["town"]).fill("Tapachula")
    page.get_by_label(re.compile(words["consent"])).check()
    page.get_by_role("button", name=words["pledge"]).click()
    expect(page.locator("h1")).to_have_text(words["sent"])
    pledge = Pledge.objects.get()
    assert pledge.confirmed_at is None and pledge.language == language
    assert pledge.campaign_key == campaign.translation_key

    (message,) = mail.outbox
    link = re.search(
        r"https?://[^/\s]+" + re.escape(words["confirm_link"]) + r"\S+/", message.body
    ).group(0)
    page.goto(live_server.url + urlsplit(link).path)
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator("h1")).to_have_text(words["thanks"])
    pledge.refresh_from_db()
    assert pledge.confirmed_at is not None
    page.get_by_role("link", name=re.compile(words["back"])).click()
    expect(page.locator("h1")).to_have_text(words["title"])
    expect(page.locator(".pledge__count")).to_contain_text(words["one"])
    page.screenshot(
        path=artifacts / f"campaigns-pledge-phone-{language}.png", full_page=True
    )

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    assert recorder.console_errors == []
    assert {name: found for name, found in problems.items() if found} == {}
    context.close()
