"""The volunteer call to action (:mod:`networks.blocks`) on campaign and
event pages: a button to the sign-up with the network or opportunity chosen."""

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase  # noqa: F401 - documents the API used

import pytest

from networks.blocks import VolunteerCallToActionBlock

pytestmark = pytest.mark.django_db


def test_call_to_action_block_links_to_the_sign_up(network_a, opportunity_a):
    block = VolunteerCallToActionBlock()
    value = block.to_python(
        {
            "heading": "Súmate",
            "text": "",
            "button_label": "Quiero ayudar",
            "network": network_a.pk,
            "opportunity": None,
        }
    )
    html = block.render(value)
    assert 'href="/es/voluntariado/inscripcion/?red=red-tapachula"' in html
    value = block.to_python(
        {
            "heading": "Súmate",
            "text": "",
            "button_label": "Quiero ayudar",
            "network": network_a.pk,
            "opportunity": opportunity_a.pk,
        }
    )
    assert f"?oportunidad={opportunity_a.pk}" in block.render(value)


def test_call_to_action_block_needs_a_network_or_opportunity():

    block = VolunteerCallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"heading": "H", "button_label": "B"}))
