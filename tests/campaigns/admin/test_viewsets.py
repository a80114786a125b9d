"""Pledges in the admin (:mod:`campaigns.admin.viewsets`): staff with the
permission list and export the confirmed ones, as text, never as a
formula; nobody else sees them."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from campaigns.factories import (
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

PLEDGES = reverse("wagtailsnippets_campaigns_pledge:list")


def test_staff_export_confirmed_pledges_as_csv(client, editor, campaign):
    PledgeFactory(campaign=campaign, name="Ana", email="ana@correo.example")
    PledgeFactory(campaign=campaign, is_anonymous=True, name="", email="b@c.example")
    PledgeFactory(
        campaign=campaign, email="pendiente@correo.example", confirmed_at=None
    )
    client.force_login(editor)
    listing = client.get(PLEDGES)
    assert listing.status_code == 200
    response = client.get(PLEDGES, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    content = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {row["Correo electrónico"] for row in rows} == {
        "ana@correo.example",
        "b@c.example",
    }
    assert {row["Nombre"] for row in rows} == {"Ana", ""}
    assert all(row["Campaña"] == "Aquí cabemos todas" for row in rows)


def test_the_pledge_export_never_holds_a_formula(client, editor, campaign):
    PledgeFactory(campaign=campaign, name="=1+2", municipality="@SUM(A1)")
    client.force_login(editor)
    listing = client.get(PLEDGES).content.decode()
    assert "Nombre" in listing
    response = client.get(PLEDGES, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(content)))
    assert row["Nombre"] == "'=1+2"
    assert row["Municipio"] == "'@SUM(A1)"


def test_people_without_the_permission_see_no_pledges(client, campaign):
    user = get_user_model().objects.create_user(username="otra", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    PledgeFactory(campaign=campaign)
    client.force_login(user)
    response = client.get(PLEDGES, {"export": "csv"})
    assert response.status_code in (302, 403)
