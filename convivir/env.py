"""Typed readers for environment variables, used by the settings module.

Each reader fails loudly with the variable's name when a value cannot be
understood, instead of silently falling back to a default.
"""

import os
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    """The variable's value, stripped, or ``default`` when it is unset."""
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable: 1/true/yes/on or 0/false/no/off (any case)."""
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value; use true or false."
    )


def env_int(name: str, default: int) -> int:
    """A whole-number variable."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; blanks are dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
    "redis": "convivir.redis_cache.RedisCache",
    "rediss": "convivir.redis_cache.RedisCache",
}


def parse_cache_url(url: str) -> dict:
    """Turn ``locmem://``, ``dummy://`` or ``redis://host:port/db`` into a
    Django ``CACHES`` entry. ``?prefix=name`` sets the key prefix, so several
    sites (or test runs) can share one Redis."""
    parts = urlsplit(url)
    if parts.scheme not in CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"CACHE_URL={url!r}: the scheme must be one of "
            f"{', '.join(sorted(CACHE_BACKENDS))}."
        )
    query = parse_qs(parts.query)
    config = {"BACKEND": CACHE_BACKENDS[parts.scheme]}
    if parts.scheme.startswith("redis"):
        config["LOCATION"] = parts._replace(query="", fragment="").geturl()
    else:
        config["LOCATION"] = parts.netloc or "convivir"
    if "prefix" in query:
        config["KEY_PREFIX"] = query["prefix"][0]
    return config


def site_address(base_url: str) -> tuple[str, int]:
    """Host name and port of the site's public address, for Wagtail's Site
    record: ``https://convivir.mx`` gives ``("convivir.mx", 443)``."""
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(f"BASE_URL={base_url!r} is not an http(s) address.")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
