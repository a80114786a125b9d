"""The dashboard's panel of the next dates, with seats taken of capacity,
for the staff who may see registrations."""

from django.urls import reverse

import pytest

from tests.events.admin.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_staff_the_next_dates(staff_client, booked):
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Próximos eventos" in html and "6 / 10" in html


def test_the_panel_is_only_for_staff_who_see_registrations(client, booked):
    client.force_login(make_user("editor"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Próximos eventos" not in html
