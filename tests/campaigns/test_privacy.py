"""What the campaigns app holds under an e-mail address: pledges. Deleting
them withdraws them: the campaign's count goes down."""

from wagtail.models import ModelLogEntry

import pytest

from campaigns.factories import PledgeFactory
from campaigns.models import Pledge
from convivir.privacy import personal_data

pytestmark = pytest.mark.django_db


def test_pledges_are_listed_and_deleted_under_their_address(campaign):
    PledgeFactory(campaign=campaign, email="lucia@correo.example", name="Lucía")
    PledgeFactory(campaign=campaign, email="otra@correo.example")
    holder = personal_data["campaigns"]
    (record,) = holder.export("LUCIA@correo.example", audit=True)
    assert record["campaign"] == "Aquí cabemos todas" and record["name"] == "Lucía"
    assert campaign.confirmed_pledges() == 2
    assert holder.erase("lucia@correo.example") == 1
    assert campaign.confirmed_pledges() == 1
    assert list(Pledge.objects.values_list("email", flat=True)) == [
        "otra@correo.example"
    ]
    labels = list(ModelLogEntry.objects.values_list("action", "label"))
    assert {action for action, _ in labels} == {
        "campaigns.self_export",
        "campaigns.erase",
    }
    assert all("Lucía" not in label and "lucia" not in label for _, label in labels)
