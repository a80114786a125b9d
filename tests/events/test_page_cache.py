"""Event pages kept whole for visitors (convivir/pagecache.py) show the
seats left as they are: a registration or a cancellation is seen at once,
and the registration form, on its own page, is never kept."""

import re

from django.test import Client
from django.urls import reverse

import pytest

from events.models import Registration

pytestmark = pytest.mark.django_db

STATE = "X-Convivir-Page-Cache"
EVENT = "/es/eventos/taller-de-murales/"


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_the_seats_left_follow_each_registration(occurrence, registration_data):
    visitor = Client()
    assert "10 lugares disponibles" in visitor.get(EVENT).content.decode()
    assert visitor.get(EVENT)[STATE] == "hit"
    register = reverse("events:register", args=[occurrence.pk])
    form_page = Client(enforce_csrf_checks=True)
    # The form has a page of its own, never kept: the seats it offers are
    # read when it is opened.
    html = form_page.get(register)
    assert html[STATE] == "skip"
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', html.content.decode()
    )
    response = form_page.post(
        register, {**registration_data, "csrfmiddlewaretoken": token.group(1)}
    )
    assert response.status_code == 302
    assert Registration.objects.get().seats == 2
    fresh = visitor.get(EVENT)
    assert fresh[STATE] == "miss"
    assert "8 lugares disponibles" in fresh.content.decode()
    Registration.objects.get().cancel()
    assert "10 lugares disponibles" in visitor.get(EVENT).content.decode()


def test_a_venue_changed_is_seen_on_the_kept_event_page(occurrence, venue):
    visitor = Client()
    assert "Parque Central" in visitor.get(EVENT).content.decode()
    assert visitor.get(EVENT)[STATE] == "hit"
    venue.name = "Casa de la Cultura de Tapachula"
    venue.save()
    fresh = visitor.get(EVENT)
    assert fresh[STATE] == "miss"
    assert "Casa de la Cultura de Tapachula" in fresh.content.decode()
