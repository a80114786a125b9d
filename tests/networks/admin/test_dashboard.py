"""The dashboard panel (:mod:`networks.admin.dashboard`): new volunteers per
network per week, for the user's own networks only."""

import pytest

from networks.factories import VolunteerFactory

pytestmark = pytest.mark.django_db


def test_dashboard_counts_only_own_networks(as_a, volunteers, network_a, network_b):
    VolunteerFactory.create_batch(3, network=network_b)
    html = as_a.get("/admin/").content.decode()
    assert "Nuevas personas voluntarias por semana" in html or (
        "New volunteers per week" in html
    )
    assert network_a.name in html
    assert network_b.name not in html
