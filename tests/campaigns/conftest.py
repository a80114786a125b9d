"""Fixtures for the campaigns app: the campaign list, a few themes, a
campaign with a pledge, and the materials library."""

from django.urls import reverse
from django.utils import translation

import pytest

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
