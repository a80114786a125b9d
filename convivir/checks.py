"""System checks for a production deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """Rate limits live in the cache: with the default per-process memory
    cache each gunicorn worker counts on its own."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "CACHE_URL is not set: the cache, and with it the public forms' "
                "rate limits, is kept per process.",
                hint="Set CACHE_URL=redis://host:6379/0.",
                id="convivir.W001",
            )
        ]
    return []
