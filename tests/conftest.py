"""Shared fixtures. Every test database starts like a fresh install: both
locales and the Spanish home page exist (data migration), nothing else."""

import shutil

from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale, Site

import pytest

from convivir.models import HomePage
from tests.utils import translate_page


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets its own media folder, an empty cache and Spanish."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    translation.activate("es")
    yield
    translation.deactivate()
    cache.clear()
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(db) -> HomePage:
    """The site's Spanish home page (created by the data migration)."""
    return HomePage.objects.get(locale__language_code="es", depth=2)


@pytest.fixture
def home_en(home, english) -> HomePage:
    """An English translation of the home page, published."""
    return translate_page(home, english, title="Home", hero_heading="Welcome")


@pytest.fixture
def site(home) -> Site:
    return Site.objects.get(is_default_site=True)
