"""pytest plugin loaded before Django's settings (``-p convivir.testing`` in
pyproject.toml): gives the test run the environment a developer's shell
lacks, without touching a real deployment's variables."""

import os
from urllib.parse import urlsplit

os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# The public address used in e-mails and (through the Site record) full URLs.
os.environ.setdefault("BASE_URL", "https://convivir.example.org")
# Tests read the e-mail outbox; pytest-django switches to locmem anyway.
os.environ.setdefault("EMAIL_BACKEND", "locmem")
# Tests render templates without running collectstatic first.
os.environ.setdefault("STATIC_MANIFEST", "false")
# Redirecting to https would turn every test request into a 301.
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Pages are rendered afresh for each test request; the page cache's own
# tests turn it on (tests/convivir/test_page_cache.py).
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")


def worker_cache_url(url: str, worker: str) -> str:
    """The cache of one of several test processes (``pytest -n``, worker
    ``gw0``, ``gw1``…): its own Redis database, because the tests empty the
    cache and emptying a Redis cache empties its whole database."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("redis") or not worker.startswith("gw"):
        return url
    base = int(parts.path.strip("/") or 0)
    database = (base + int(worker[2:])) % 16
    return parts._replace(path=f"/{database}").geturl()


if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("CACHE_URL"):
    os.environ["CACHE_URL"] = worker_cache_url(
        os.environ["CACHE_URL"], os.environ["PYTEST_XDIST_WORKER"]
    )
