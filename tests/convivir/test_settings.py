"""Settings read from the environment, and the production checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from convivir.env import env_bool, env_int, env_list, parse_cache_url

PROJECT = Path(__file__).resolve().parents[2]


def run_manage(*args, env: dict) -> subprocess.CompletedProcess:
    """Run manage.py in a clean environment holding only ``env``."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ["HOME"], **env}
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env(tmp_path) -> dict:
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "convivir.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
        "EMAIL_BACKEND": "postmark",
        "ANYMAIL_POSTMARK_SERVER_TOKEN": "server-token",
        "TASKS_BACKEND": "database",
        "BASE_URL": "https://convivir.example.org",
        "VAR_DIR": str(tmp_path / "var"),
    }


def test_missing_secret_key_with_debug_off_fails_clearly(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "DEBUG=true for local development" in result.stderr


def test_debug_on_runs_without_secret_key(tmp_path):
    result = run_manage(
        "check",
        env={"DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}"},
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_with_production_variables_prints_no_warning(tmp_path):
    result = run_manage("check", "--deploy", env=production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNINGS" not in result.stderr


def test_check_deploy_warns_without_a_shared_cache(tmp_path):
    env = production_env(tmp_path)
    del env["CACHE_URL"]
    result = run_manage("check", "--deploy", env=env)
    assert "convivir.W001" in result.stderr
    assert "rate limits" in result.stderr


@pytest.mark.parametrize("backend", [None, "immediate", "dummy"])
def test_check_deploy_fails_when_tasks_do_not_run_in_a_worker(tmp_path, backend):
    env = production_env(tmp_path)
    if backend is None:
        del env["TASKS_BACKEND"]  # the default: at once, in the request
    else:
        env["TASKS_BACKEND"] = backend
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "convivir.E001" in result.stderr
    assert "TASKS_BACKEND=database" in result.stderr


def test_immediate_tasks_are_fine_while_debugging(tmp_path):
    env = {**production_env(tmp_path), "DEBUG": "true"}
    del env["TASKS_BACKEND"]
    result = run_manage("check", "--deploy", env=env)
    assert "convivir.E001" not in result.stderr


def test_a_retry_window_longer_than_the_links_is_reported(tmp_path):
    env = {**production_env(tmp_path), "NOTIFICATIONS_RETRY_HOURS": str(8 * 24)}
    result = run_manage("check", env=env)
    assert result.returncode == 0, result.stderr
    assert "networks.W001" in result.stderr
    assert "campaigns.W001" in result.stderr
    assert "convivir.W002" not in result.stderr  # "my data" links last 30 days


def test_an_attempt_limit_that_cuts_the_retries_short_is_reported(tmp_path):
    env = {**production_env(tmp_path), "NOTIFICATIONS_MAX_ATTEMPTS": "6"}
    result = run_manage("check", env=env)
    assert result.returncode == 0, result.stderr
    assert "convivir.W003" in result.stderr
    assert "the schedule needs 54 tries" in result.stderr


def test_mail_timeouts_are_short_by_default(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_TIMEOUT, s.ANYMAIL['REQUESTS_TIMEOUT'],"
        " s.NOTIFICATIONS_RETRY_HOURS)"
    )
    result = run_manage(
        "shell", "--no-imports", "-c", code, env=production_env(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["10", "10", "48"]


def test_production_settings_pick_services_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_BACKEND);"
        "print(s.ANYMAIL['POSTMARK_SERVER_TOKEN']);"
        "print(s.TASKS['default']['BACKEND']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.STORAGES['staticfiles']['BACKEND']);"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS);"
        "print(s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run_manage(
        "shell", "--no-imports", "-c", code, env=production_env(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "anymail.backends.postmark.EmailBackend",
        "server-token",
        "django_tasks_db.DatabaseBackend",
        "convivir.redis_cache.RedisCache",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "True True 31536000",
        "('HTTP_X_FORWARDED_PROTO', 'https')",
    ]


def test_default_settings_need_no_service(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.EMAIL_BACKEND);"
        "print(s.TASKS['default']['BACKEND']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env={"DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.db.backends.sqlite3",
        "django.core.mail.backends.filebased.EmailBackend",
        "django_tasks.backends.immediate.ImmediateBackend",
        "django.core.cache.backends.locmem.LocMemCache",
        "wagtail.search.backends.database",
    ]


class TestEnvironmentReaders:
    def test_booleans(self, monkeypatch):
        monkeypatch.setenv("FLAG", "Yes")
        assert env_bool("FLAG", False) is True
        monkeypatch.setenv("FLAG", "off")
        assert env_bool("FLAG", True) is False
        monkeypatch.delenv("FLAG")
        assert env_bool("FLAG", True) is True

    def test_a_word_that_is_not_yes_or_no_is_an_error(self, monkeypatch):
        monkeypatch.setenv("FLAG", "maybe")
        with pytest.raises(ImproperlyConfigured, match="FLAG='maybe'"):
            env_bool("FLAG", False)

    def test_numbers_and_lists(self, monkeypatch):
        monkeypatch.setenv("COUNT", "12")
        monkeypatch.setenv("HOSTS", " a.example , ,b.example ")
        assert env_int("COUNT", 1) == 12
        assert env_list("HOSTS", []) == ["a.example", "b.example"]
        monkeypatch.setenv("COUNT", "doce")
        with pytest.raises(ImproperlyConfigured, match="not a whole number"):
            env_int("COUNT", 1)

    def test_cache_urls(self):
        assert parse_cache_url("redis://127.0.0.1:6379/2?prefix=ci") == {
            "BACKEND": "convivir.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/2",
            "KEY_PREFIX": "ci",
        }
        assert parse_cache_url("locmem://")["BACKEND"].endswith("LocMemCache")
        with pytest.raises(ImproperlyConfigured, match="scheme must be one of"):
            parse_cache_url("memcached://localhost")


def _printed(env, code: str) -> str:
    """The last line ``code`` prints in ``manage.py shell`` under ``env``."""
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _database_settings(env) -> str:
    return _printed(
        env,
        "from django.db import connection as c; s = c.settings_dict; "
        "print(s['CONN_MAX_AGE'], s['CONN_HEALTH_CHECKS'], s['OPTIONS'])",
    )


def test_production_keeps_database_connections_and_checks_them(tmp_path):
    env = production_env(tmp_path)
    assert _database_settings(env).startswith("600 True")
    dev = {"DEBUG": "true", "DATABASE_URL": env["DATABASE_URL"]}
    assert _database_settings(dev).startswith("0 True")


def test_postgresql_gets_more_work_memory_and_an_optional_pool(tmp_path):
    env = production_env(tmp_path)
    env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/convivir"
    assert "-c work_mem=32MB" in _database_settings(env)
    env.update(DATABASE_POOL="true", DATABASE_POOL_MAX="4")
    described = _database_settings(env)
    assert described.startswith("0 True")
    assert "'pool': {'min_size': 2, 'max_size': 4}" in described


def _frontend_caches(env) -> str:
    return _printed(
        env,
        "from django.apps import apps; from django.conf import settings as s; "
        "print(apps.is_installed('wagtail.contrib.frontend_cache'), "
        "sorted((n, c['BACKEND'].rsplit('.', 1)[-1]) "
        "for n, c in s.WAGTAILFRONTENDCACHE.items()))",
    )


def test_a_proxy_or_cdn_in_front_is_purged_on_publish_when_configured(tmp_path):
    env = production_env(tmp_path)
    assert _frontend_caches(env) == "False []"
    env.update(
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_BEARER_TOKEN="token",
    )
    assert _frontend_caches(env) == (
        "True [('cloudflare', 'CloudflareBackend'), ('proxy', 'HTTPBackend')]"
    )
