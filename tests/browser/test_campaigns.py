"""Signing a campaign's pledge from a phone, in a real browser without
JavaScript: open the campaign, sign, follow the link from the e-mail, see
the counter go up. Also an accessibility check of the campaign page."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest
from playwright.sync_api import expect

from campaigns.factories import CampaignIndexPageFactory, ThemeFactory
from tests.campaigns.conftest import make_campaign
from tests.utils import add_child

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def campaign(home, settings):
    settings.RATELIMIT_ENABLED = False
    index = add_child(home, CampaignIndexPageFactory.build())
    return make_campaign(
        index,
        title="Aquí cabemos todas",
        slug="aqui-cabemos-todas",
        themes=[ThemeFactory(name="Convivencia", slug="convivencia")],
        states=["chiapas"],
        pledge_enabled=True,
        pledge_text="Me comprometo a tratar con respeto a las personas migrantes.",
    )


def test_sign_the_pledge_and_see_the_counter(
    campaign, live_server, browser, record, artifacts, accessibility_violations
):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, java_script_enabled=False
    )
    page = context.new_page()
    recorder = record(page)

    page.goto(f"{live_server.url}/es/campanas/")
    page.get_by_role("link", name="Aquí cabemos todas").click()
    expect(page.locator("h1")).to_have_text("Aquí cabemos todas")
    assert "0 personas han firmado" in page.locator(".pledge__count").inner_text()

    # An empty pledge: the errors are shown by each field.
    page.get_by_role("button", name="Me comprometo").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("body")).to_contain_text(
        "Solo podemos contar tu compromiso con tu consentimiento."
    )

    page.get_by_label("Tu nombre").fill("Lucía Pérez")
    page.get_by_label("Correo electrónico").fill("lucia@correo.example")
    page.get_by_label("Municipio donde vives").fill("Tapachula")
    page.get_by_label(re.compile("^Acepto que Convivir")).check()
    page.get_by_role("button", name="Me comprometo").click()
    expect(page.locator("h1")).to_have_text("Revisa tu correo")

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/compromiso/confirmar/\S+/", message.body).group(0)
    page.goto(live_server.url + urlsplit(link).path)
    page.get_by_role("button", name="Confirmar mi compromiso").click()
    expect(page.locator("h1")).to_have_text("Gracias por tu compromiso")
    page.get_by_role("link", name=re.compile("Volver a")).click()
    assert "1 persona ha firmado" in page.locator(".pledge__count").inner_text()
    page.screenshot(path=artifacts / "campaigns-pledge-phone.png", full_page=True)

    live_host = urlsplit(live_server.url).netloc
    assert [u for u in recorder.requests if urlsplit(u).netloc != live_host] == []
    context.close()

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{campaign.url}")
    assert accessibility_violations(page) == []
    context.close()
