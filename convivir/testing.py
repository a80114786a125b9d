"""pytest plugin loaded before Django's settings (``-p convivir.testing`` in
pyproject.toml): gives the test run the environment a developer's shell
lacks, without touching a real deployment's variables."""

import os

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
