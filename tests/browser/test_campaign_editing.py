"""A campaign writer, in a real browser on a desktop, with the admin in
Spanish or in English: logs in, edits a published campaign and submits it to
the review workflow. The change waits in a revision; the public page keeps
its title until a reviewer approves."""

from wagtail.users.models import UserProfile

import pytest
from playwright.sync_api import expect

from campaigns.admin.permissions import COMMUNICATIONS_GROUP, REVIEW_WORKFLOW
from campaigns.factories import CampaignIndexPageFactory
from campaigns.models import CampaignPage
from tests.browser.journeys import DESKTOP
from tests.campaigns.conftest import make_campaign, member_of
from tests.utils import add_child

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What Wagtail's admin shows in each language, once the writer is in.
WORDS = {
    "es": {
        "more": "Más acciones",
        "submit": f"Enviar a {REVIEW_WORKFLOW}",
        "submitted": "La página 'Aquí cabemos todas y todos' ha sido enviada para "
        "moderación.",
    },
    "en": {
        "more": "More actions",
        "submit": f"Submit to {REVIEW_WORKFLOW}",
        "submitted": "Page 'Aquí cabemos todas y todos' has been submitted for "
        "moderation.",
    },
}


@pytest.fixture
def campaign(home):
    index = add_child(home, CampaignIndexPageFactory.build())
    return make_campaign(index, title="Aquí cabemos todas", slug="aqui-cabemos")


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_writer_edits_a_campaign_and_submits_it_for_review(
    language, campaign, live_server, browser, record, artifacts
):
    words = WORDS[language]
    writer = member_of(COMMUNICATIONS_GROUP, "escritora")
    writer.set_password("contraseña-de-prueba")
    writer.save()
    profile = UserProfile.get_for_user(writer)
    profile.preferred_language = language
    profile.save()

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = record(page)
    page.goto(f"{live_server.url}/admin/login/")
    # The login page speaks the browser's language; the profile's comes after.
    page.locator("#id_username").fill("escritora")
    page.locator("#id_password").fill("contraseña-de-prueba")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{campaign.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_have_value("Aquí cabemos todas")
    title.fill("Aquí cabemos todas y todos")
    page.locator("#id_summary").fill("Una escuela donde nadie sobra.")
    page.get_by_role("button", name=words["more"]).click()
    page.get_by_role("button", name=words["submit"]).click()
    # Back on the edit view, with the page now in moderation.
    expect(page.locator(".messages")).to_contain_text(words["submitted"])
    page.screenshot(path=artifacts / f"campaign-submitted-{language}.png")

    campaign = CampaignPage.objects.get(pk=campaign.pk)
    latest = campaign.get_latest_revision_as_object()
    assert latest.title == "Aquí cabemos todas y todos"
    assert latest.summary == "Una escuela donde nadie sobra."
    assert campaign.get_latest_revision().user == writer
    state = campaign.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == REVIEW_WORKFLOW
    assert state.requested_by == writer
    assert campaign.workflow_in_progress
    # Not published: the live page keeps its title.
    assert campaign.live and campaign.title == "Aquí cabemos todas"
    assert campaign.has_unpublished_changes
    page.goto(live_server.url + campaign.url)
    expect(page.locator("h1")).to_have_text("Aquí cabemos todas")
    assert recorder.console_errors == []
    context.close()
