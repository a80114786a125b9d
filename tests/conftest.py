"""Shared fixtures. Every test database starts like a fresh install: both
locales and the Spanish home page exist (data migration), nothing else.

The demo site (``manage.py load_demo``, the slowest thing a test can do) is
built once per run by :func:`demo_site`: the tests that use it run last, each
in its own transaction on top of it, and the whole demo is rolled back at the
end of the run."""

import io
import os
import shutil
from contextlib import ExitStack

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from convivir import pagecache
from convivir.models import HomePage
from tests.utils import translate_page

# Hypothesis: the "any input" tests (tests/convivir/test_any_input*.py) draw
# 50 inputs per listing or form by default, to keep the suite fast; the
# "thorough" profile draws 1,000 (HYPOTHESIS_PROFILE=thorough, or
# --hypothesis-profile=thorough). No deadline: a request's time varies with
# the machine's load, and a slow answer is not a wrong one.
_HYPOTHESIS = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
    ],
}
hypothesis_settings.register_profile("convivir", max_examples=50, **_HYPOTHESIS)
hypothesis_settings.register_profile("thorough", max_examples=1000, **_HYPOTHESIS)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "convivir"))

DEMO_FIXTURE = "demo_site"
# Tests that must be skipped outside PostgreSQL (real concurrency, locks).
POSTGRES = "postgres"


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (
            marker
            and (
                marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
            )
        )
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def _uses_demo(item) -> bool:
    return DEMO_FIXTURE in getattr(item, "fixturenames", ()) and not _transactional(
        item
    )


def pytest_itemcollected(item):
    """With several test processes (``pytest -n``), the demo tests all go to
    one of them, one after the other: the demo is loaded once."""
    if _uses_demo(item):
        item.add_marker(pytest.mark.xdist_group(DEMO_FIXTURE))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """After pytest-django's order (database tests, then transactional ones,
    which empty the database), the demo tests go last among the database
    tests: they share one demo database (see demo_site). PostgreSQL-only
    tests are skipped on another database."""
    demo = [item for item in items if _uses_demo(item)]
    if demo:
        rest = [item for item in items if item not in demo]
        at = next((i for i, item in enumerate(rest) if _transactional(item)), len(rest))
        items[:] = rest[:at] + demo + rest[at:]
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
    if hasattr(session.config, "workerinput"):
        return  # one of several test processes: the main one checks them all
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


_demo: dict = {}


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded once for the run in a transaction rolled back
    after the last demo test (before the transactional tests, which need
    autocommit); what ``load_demo`` printed. Each test using it runs in its
    own nested transaction, so it sees the demo as loaded."""
    if "output" not in _demo:
        root = tmp_path_factory.mktemp("demo")
        stack = ExitStack()
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(
            override_settings(
                DEBUG=True, MEDIA_ROOT=root / "media", VAR_DIR=root / "var"
            )
        )
        stack.enter_context(transaction.atomic())
        stack.callback(shutil.rmtree, root, ignore_errors=True)
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        _demo.update(stack=stack, output=output.getvalue())
    yield _demo["output"]
    _close_demo()


def _close_demo():
    stack = _demo.pop("stack", None)
    if stack is not None:
        transaction.set_rollback(True)
        stack.close()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """The demo is rolled back once its last test is over."""
    if _uses_demo(item) and (nextitem is None or not _uses_demo(nextitem)):
        _close_demo()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A test that does not use the demo never runs inside its transaction
    (whatever order ``-p``, ``-k`` or a plugin gave the tests)."""
    if not _uses_demo(item):
        _close_demo()


@pytest.fixture(autouse=True)
def _isolated(request, settings, tmp_path):
    """Each test gets its own media folder (the demo's, for demo tests), an
    empty cache and Spanish."""
    if DEMO_FIXTURE not in request.fixturenames:
        settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    pagecache.clear_worker_copies()
    translation.activate("es")
    yield
    translation.deactivate()
    cache.clear()
    pagecache.clear_worker_copies()
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _logins_with_a_request(monkeypatch):
    """The sign-in lockout (django-axes) counts attempts per address, so
    every authenticate() must be given the request, as the admin's sign-in
    form does; the test client's login() gives none. Here it signs in as a
    browser on the test client's address would. Failed attempts are rows in
    the database, rolled back with each test: no lockout outlives one."""
    login = Client.login

    def login_with_request(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/admin/login/"))
        return login(self, **credentials)

    monkeypatch.setattr(Client, "login", login_with_request)


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
