"""One reader for the apps' settings: a Django setting wins, then the
environment, then the default; zero is a value."""

from convivir.common.conf import app_setting


def test_a_django_setting_wins_even_when_zero(settings, monkeypatch):
    monkeypatch.setenv("CONVIVIR_TEST_LIMIT", "7")
    settings.CONVIVIR_TEST_LIMIT = 0
    assert app_setting("CONVIVIR_TEST_LIMIT", 20) == 0


def test_then_the_environment_even_when_zero(monkeypatch):
    monkeypatch.setenv("CONVIVIR_TEST_LIMIT", "0")
    assert app_setting("CONVIVIR_TEST_LIMIT", 20) == 0


def test_then_the_default(monkeypatch):
    monkeypatch.delenv("CONVIVIR_TEST_LIMIT", raising=False)
    assert app_setting("CONVIVIR_TEST_LIMIT", 20) == 20
