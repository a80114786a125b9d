"""Translating a campaign with wagtail-localize ("Translate → English")
leaves the shared snippets it links to alone: its themes and the volunteer
opportunity of a call to action keep their own English translations."""

import json

from django.urls import reverse
from django.utils import translation

from wagtail_localize.models import StringTranslation, Translation

import pytest

from campaigns.factories import ThemeFactory
from campaigns.models import Theme
from networks.factories import ProtectionNetworkFactory, VolunteerOpportunityFactory
from networks.models import VolunteerOpportunity
from tests.campaigns.conftest import make_campaign
from tests.utils import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity(english):
    """A Spanish opportunity and its English translation, written by hand."""
    spanish = VolunteerOpportunityFactory(
        network=ProtectionNetworkFactory(slug="red-tapachula"),
        title="Acompañar a la clínica",
        description="Ir con las personas a sus citas médicas.",
    )
    translated = spanish.copy_for_translation(english)
    translated.title = "Clinic companion"
    translated.description = "Go with people to their medical appointments."
    translated.save()
    return spanish


def call_to_action(opportunity) -> str:
    return json.dumps(
        [
            {
                "type": "volunteer_cta",
                "value": {
                    "heading": "Súmate a la red",
                    "text": "Te necesitamos.",
                    "button_label": "Quiero ayudar",
                    "network": None,
                    "opportunity": opportunity.pk,
                },
            }
        ]
    )


def test_translating_a_campaign_keeps_its_snippets_english(
    admin_client, client, campaign_index, home_en, english, opportunity
):
    school = ThemeFactory(name="Escuela", slug="escuela")
    school_en = school.copy_for_translation(english)
    school_en.name = "School"
    school_en.save()
    translate_page(campaign_index, english, title="Campaigns", slug="campaigns")
    campaign = make_campaign(
        campaign_index,
        title="Aquí cabemos todas",
        slug="aqui-cabemos-todas",
        themes=[school],
        body=call_to_action(opportunity),
    )

    response = admin_client.post(
        f"/admin/localize/submit/page/{campaign.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302

    assert Theme.objects.get(locale=english, slug="escuela").name == "School"
    english_opportunity = VolunteerOpportunity.objects.get(locale=english)
    assert english_opportunity.title == "Clinic companion"
    assert english_opportunity.description == (
        "Go with people to their medical appointments."
    )

    translated = campaign.get_translation(english).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    html = client.get(translated.url).content.decode()
    assert "<li>School</li>" in html
    # The call to action leads to the English opportunity, preselected on
    # the English sign-up form.
    with translation.override("en"):
        signup = reverse("networks:signup")
    assert f'href="{signup}?oportunidad={english_opportunity.pk}"' in html


def test_the_call_to_action_texts_are_still_translated(
    admin_client, client, campaign_index, home_en, english, opportunity
):
    translate_page(campaign_index, english, title="Campaigns", slug="campaigns")
    campaign = make_campaign(
        campaign_index, slug="aqui-cabemos", body=call_to_action(opportunity)
    )
    admin_client.post(
        f"/admin/localize/submit/page/{campaign.pk}/", {"locales": [english.pk]}
    )
    job = Translation.objects.get(
        source__object_id=campaign.translation_key, target_locale=english
    )
    texts = {
        "Súmate a la red": "Join the network",
        "Te necesitamos.": "We need you.",
        "Quiero ayudar": "I want to help",
    }
    for segment in job.source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in texts:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=texts[segment.string.data],
            )
    job.save_target(publish=True)

    translated = campaign.get_translation(english).specific
    (block,) = translated.body
    assert block.value["heading"] == "Join the network"
    assert block.value["text"] == "We need you."
    assert block.value["button_label"] == "I want to help"
    assert block.value["opportunity"] == opportunity
    assert VolunteerOpportunity.objects.get(locale=english).title == (
        "Clinic companion"
    )
