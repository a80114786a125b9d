"""Shared fixtures. Every test database starts like a fresh install: both
locales and the Spanish home page exist (data migration), nothing else.

The demo site (``manage.py load_demo``, the slowest thing a test can do) is
built once per run by :func:`demo_site`: the tests that use it run last, each
in its own transaction on top of it, and the whole demo is rolled back at the
end of the run."""

import io
import os
import shutil

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation

from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

import pytest

from convivir.models import HomePage
from tests.utils import translate_page

DEMO_FIXTURE = "demo_site"
# Tests that must be skipped outside PostgreSQL (real concurrency, locks).
POSTGRES = "postgres"


def pytest_collection_modifyitems(config, items):
    """Demo tests last (they share one demo database; see demo_site), and
    PostgreSQL-only tests skipped on another database."""
    items.sort(key=lambda item: DEMO_FIXTURE in getattr(item, "fixturenames", ()))
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (real concurrency); run with DATABASE_URL=postgres://…"
    )
    for item in items:
        if item.get_closest_marker(POSTGRES):
            item.add_marker(skip)


_postgres_outcomes: dict[str, list[str]] = {"passed": [], "skipped": []}


def pytest_runtest_logreport(report):
    if POSTGRES in report.keywords and (report.skipped or report.when == "call"):
        outcome = "skipped" if report.skipped else report.outcome
        _postgres_outcomes.setdefault(outcome, []).append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """On PostgreSQL with CONVIVIR_REQUIRE_POSTGRES set (.ci/run), a skipped
    PostgreSQL test (or none at all) fails the run: the concurrency tests
    must really run there."""
    if not os.environ.get("CONVIVIR_REQUIRE_POSTGRES"):
        return
    skipped, passed = _postgres_outcomes["skipped"], _postgres_outcomes["passed"]
    if skipped or not passed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                "PostgreSQL tests skipped on PostgreSQL: "
                + (", ".join(skipped) or "none ran"),
                red=True,
            )
        session.exitstatus = 1


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded once for the run in a transaction rolled back
    at its end; what ``load_demo`` printed. Each test using it runs in its
    own nested transaction, so it sees the demo as loaded."""
    root = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=True, MEDIA_ROOT=root / "media", VAR_DIR=root / "var"),
        transaction.atomic(),
    ):
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated(request, settings, tmp_path):
    """Each test gets its own media folder (the demo's, for demo tests), an
    empty cache and Spanish."""
    if DEMO_FIXTURE not in request.fixturenames:
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


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, reading the admin in Spanish (the site's
    first language) so assertions name one language, not either."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save(update_fields=["preferred_language"])
    return admin_user
