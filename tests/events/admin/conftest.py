"""Admin users of the events app: staff who manage registrations, and the
dates they manage."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from wagtail.users.models import UserProfile

import pytest

from events.factories import RegistrationFactory


def make_user(username, *codenames):
    """An admin user holding ``codenames``, reading the admin in Spanish."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@convivir.example", password="x"
    )
    perms = ["access_admin", *codenames]
    user.user_permissions.set(Permission.objects.filter(codename__in=perms))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save(update_fields=["preferred_language"])
    return user


@pytest.fixture
def staff(db):
    return make_user(
        "staff", "view_registration", "add_registration", "change_registration"
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def booked(occurrence):
    """Six seats confirmed, one checked in, one waiting, one cancelled."""
    RegistrationFactory(occurrence=occurrence, name="Ana Gómez", seats=4, code="ANA234")
    RegistrationFactory(occurrence=occurrence, name="Beto Ruiz", seats=2)
    RegistrationFactory(occurrence=occurrence, name="Cata", status="waiting", seats=1)
    RegistrationFactory(occurrence=occurrence, name="Dani", status="cancelled")
    return occurrence
