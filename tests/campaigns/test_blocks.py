"""The campaign body's blocks (:mod:`campaigns.blocks`): each renders, and a
testimony needs the person's consent to be saved."""

import pytest

from campaigns.models import CampaignPage
from convivir.factories import CustomImageFactory
from tests.campaigns.conftest import add_url, campaign_form, make_campaign

pytestmark = pytest.mark.django_db


def test_body_blocks_render(client, campaign_index):
    page = make_campaign(
        campaign_index,
        slug="con-cuerpo",
        body=[
            (
                "key_fact",
                {
                    "figure": "7 de cada 10",
                    "text": "personas dicen haber sufrido discriminación.",
                    "source": "Encuesta regional 2024",
                    "source_url": "",
                },
            ),
            (
                "testimony",
                {
                    "quote": "Me recibieron como a una vecina más.",
                    "name": "Marisol Hernández López",
                    "first_name_only": True,
                    "place": "Tenosique",
                    "consent_given": True,
                },
            ),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "7 de cada 10" in html and "Fuente: Encuesta regional 2024" in html
    assert "— Marisol, Tenosique" in html
    assert "Hernández" not in html


def a_testimony(consent: bool):
    value = {
        "quote": "Me recibieron como a una vecina más.",
        "name": "Marisol",
        "first_name_only": "on",
        "place": "Tenosique",
    }
    if consent:
        value["consent_given"] = "on"
    return ("testimony", value)


def test_a_testimony_without_consent_cannot_be_saved(client, editor, campaign_index):
    client.force_login(editor)
    image = CustomImageFactory()
    response = client.post(
        add_url(campaign_index),
        campaign_form(image, [a_testimony(consent=False)], **{"action-submit": "1"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The admin shows the block's error beside the checkbox (in the
    # editor's language, Spanish here).
    assert "Un testimonio solo puede publicarse con el consentimiento" in html
    assert not CampaignPage.objects.filter(slug="nueva-campana").exists()

    response = client.post(
        add_url(campaign_index),
        campaign_form(image, [a_testimony(consent=True)], **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    assert CampaignPage.objects.get(slug="nueva-campana").current_workflow_state
