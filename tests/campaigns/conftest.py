"""Fixtures for the campaigns app: the campaign list, a few themes, a
campaign with a pledge, the materials library, and the staff who write them
(reading the admin in Spanish)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

import pytest

from campaigns.admin.permissions import COMMUNICATIONS_GROUP
from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    DialogueMaterialIndexPageFactory,
    ThemeFactory,
)
from campaigns.models import CampaignTarget
from tests.utils import add_child


def address(name: str, *args, language: str = "es") -> str:
    """The address of the view ``name`` in ``language``."""
    with translation.override(language):
        return reverse(name, args=args)


def member_of(group_name: str, username: str):
    """A staff member of ``group_name`` who reads the admin in Spanish."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@convivir.example", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    return user


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, reading the admin in Spanish."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    return admin_user


@pytest.fixture
def editor(db):
    """A writer of the Communications group."""
    return member_of(COMMUNICATIONS_GROUP, "comunicacion")


def add_url(index) -> str:
    """The admin's "add a campaign" page under ``index``."""
    return reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]
    )


def campaign_form(image, body, **overrides):
    """The admin form of a new campaign, as the browser posts it."""
    data = {
        "title": "Nueva campaña",
        "slug": "nueva-campana",
        "hero_image": image.pk,
        "hero_alt": "Dibujo de una casa abierta",
        "summary": "Una campaña nueva.",
        "start_date": "2026-04-01",
        "end_date": "",
        "targets": inline_formset([{"state": "chiapas", "municipality": "Tapachula"}]),
        "body": streamfield(body),
        "toolkit": streamfield([]),
        "related_campaigns": streamfield([]),
        "pledge_enabled": "",
        "pledge_text": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def campaign_index(home):
    return add_child(home, CampaignIndexPageFactory.build())


@pytest.fixture
def school_theme(db):
    return ThemeFactory(name="Escuela", slug="escuela")


@pytest.fixture
def work_theme(db):
    return ThemeFactory(name="Trabajo", slug="trabajo")


def make_campaign(index, *, themes=(), states=(), **fields):
    """A published campaign under ``index`` tagged with ``themes`` and
    aimed at ``states``."""
    page = CampaignPageFactory.build(**fields)
    page.themes = list(themes)
    page.targets = [
        CampaignTarget(state=state, sort_order=order)
        for order, state in enumerate(states)
    ]
    return add_child(index, page)


@pytest.fixture
def campaign(campaign_index, school_theme):
    return make_campaign(
        campaign_index,
        title="Aquí cabemos todas",
        slug="aqui-cabemos-todas",
        themes=[school_theme],
        states=["chiapas"],
        pledge_enabled=True,
        pledge_text="Me comprometo a tratar con respeto a las personas migrantes.",
    )


@pytest.fixture
def library(home):
    return add_child(home, DialogueMaterialIndexPageFactory.build())


@pytest.fixture
def pledge_data():
    return {
        "name": "Lucía Pérez",
        "email": "Lucia@Correo.example",
        "municipality": "Tapachula",
        "consent": "on",
        "website": "",
    }
