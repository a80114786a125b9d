"""Fixtures for the networks app: two networks, each with its coordinator
(reading the admin in Spanish), their volunteers, and the volunteering
page."""

from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

import pytest

from networks.factories import (
    CoordinatorFactory,
    ProtectionNetworkFactory,
    VolunteerFactory,
    VolunteerIndexPageFactory,
    VolunteerOpportunityFactory,
)
from tests.utils import add_child


def address(name: str, *args, language: str = "es") -> str:
    """The address of the view ``name`` in ``language``."""
    with translation.override(language):
        return reverse(name, args=args)


def volunteer_admin(view: str, *args) -> str:
    """The address of one of the volunteers' admin views."""
    return reverse(f"networks_volunteer:{view}", args=args)


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, reading the admin in Spanish."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    return admin_user


@pytest.fixture
def coordinator_a(db):
    return CoordinatorFactory(username="ana", email="ana@redes.example")


@pytest.fixture
def coordinator_b(db):
    return CoordinatorFactory(username="beto", email="beto@redes.example")


@pytest.fixture
def network_a(coordinator_a):
    return ProtectionNetworkFactory(
        name="Red Tapachula",
        slug="red-tapachula",
        municipality="Tapachula",
        coordinators=[coordinator_a],
    )


@pytest.fixture
def network_b(coordinator_b):
    return ProtectionNetworkFactory(
        name="Red Tenosique",
        slug="red-tenosique",
        municipality="Tenosique",
        state="tabasco",
        coordinators=[coordinator_b],
    )


@pytest.fixture
def opportunity_a(network_a):
    return VolunteerOpportunityFactory(
        network=network_a,
        title="Clases de español en el albergue",
        skills=["teaching", "interpreting"],
    )


@pytest.fixture
def volunteer_page(home):
    return add_child(home, VolunteerIndexPageFactory.build())


@pytest.fixture
def signup_data(network_a):
    """A complete, valid sign-up as the browser posts it."""
    return {
        "name": "Lucía Pérez",
        "email": "Lucia@Correo.example",
        "phone": "+52 962 123 4567",
        "municipality": "Tapachula",
        "interest": f"network-{network_a.pk}",
        "languages": ["es", "ht"],
        "other_language": "",
        "skills": ["cooking", "interpreting"],
        "other_skill": "",
        "available_days": ["5", "6"],
        "available_times": ["morning"],
        "motivation": "Mi familia también migró; quiero acompañar.",
        "is_adult": "on",
        "privacy_consent": "on",
        "website": "",
    }


@pytest.fixture
def volunteers(network_a, network_b):
    """A confirmed volunteer in each network, and a pending one in the first."""
    return {
        "a": VolunteerFactory(network=network_a, name="Alba de Tapachula"),
        "b": VolunteerFactory(network=network_b, name="Bruno de Tenosique"),
        "pending_a": VolunteerFactory(
            network=network_a, name="Paula sin confirmar", confirmed_at=None
        ),
    }


@pytest.fixture
def as_a(client, coordinator_a):
    """The client, logged in as the first network's coordinator."""
    client.force_login(coordinator_a)
    return client
