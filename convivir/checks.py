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


@register(Tags.security, deploy=True)
def sign_in_lockout_check(app_configs, **kwargs):
    """Without django-axes, passwords can be guessed at the admin's sign-in
    form as fast as it answers."""
    if not settings.AXES_ENABLED:
        return [
            Warning(
                "AXES_ENABLED is off: the admin's sign-in is not locked after "
                "repeated wrong passwords.",
                hint="Unset AXES_ENABLED or set AXES_ENABLED=true.",
                id="convivir.W002",
            )
        ]
    return []
