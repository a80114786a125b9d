"""System checks for a production deployment (``manage.py check --deploy``)."""

from datetime import timedelta

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend

from convivir.notifications import retry_delay
from convivir.privacy.links import link_days


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


@register("tasks", deploy=True)
def background_tasks_check(app_configs, **kwargs):
    """In production the tasks (above all e-mail) must run in a worker: run
    at once, they make the visitor's request wait for the e-mail provider,
    and a stalled provider ties up every web worker. A backend that never
    runs them would lose the e-mail. Development (DEBUG on) may run them at
    once."""
    if settings.DEBUG:
        return []
    backend = task_backends["default"]
    if isinstance(backend, ImmediateBackend | DummyBackend):
        return [
            Error(
                f"Background tasks use {type(backend).__name__}: e-mail is sent "
                "inside the visitor's request (or never), so a slow e-mail "
                "provider holds up the site.",
                hint="Set TASKS_BACKEND=database and run `manage.py db_worker`.",
                id="convivir.E001",
            )
        ]
    return []


def link_outlives_retries(name: str, days: int, check_id: str) -> list[Warning]:
    """A warning when a link e-mailed by the site (valid ``days`` from the
    moment the message is written) could expire before the last retry of
    that message (``NOTIFICATIONS_RETRY_HOURS``): the person would get a
    link that no longer works. Used by the apps that e-mail links."""
    window = timedelta(hours=settings.NOTIFICATIONS_RETRY_HOURS)
    if timedelta(days=days) > window:
        return []
    return [
        Warning(
            f"{name} work for {days} day(s), not longer than e-mail retries "
            f"(NOTIFICATIONS_RETRY_HOURS={settings.NOTIFICATIONS_RETRY_HOURS}): "
            "a message sent late would carry a link that has expired.",
            hint="Make the links last longer or the retry window shorter.",
            id=check_id,
        )
    ]


@register()
def data_link_check(app_configs, **kwargs):
    return link_outlives_retries('"My data" links', link_days(), "convivir.W002")


def attempts_to_cover_the_window() -> int:
    """How many tries the retry schedule makes before the window ends."""
    window = timedelta(hours=settings.NOTIFICATIONS_RETRY_HOURS)
    elapsed, attempts = timedelta(0), 1
    while elapsed < window:
        elapsed += retry_delay(attempts)
        attempts += 1
    return attempts


@register()
def retry_attempts_check(app_configs, **kwargs):
    """NOTIFICATIONS_MAX_ATTEMPTS is only a safety limit: it must not end
    the retries before NOTIFICATIONS_RETRY_HOURS."""
    needed = attempts_to_cover_the_window()
    if needed <= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        return []
    return [
        Warning(
            f"NOTIFICATIONS_MAX_ATTEMPTS={settings.NOTIFICATIONS_MAX_ATTEMPTS} "
            f"gives up on an e-mail before NOTIFICATIONS_RETRY_HOURS="
            f"{settings.NOTIFICATIONS_RETRY_HOURS} (the schedule needs {needed} "
            "tries).",
            hint="Raise NOTIFICATIONS_MAX_ATTEMPTS or NOTIFICATIONS_RETRY_MAX_SECONDS.",
            id="convivir.W003",
        )
    ]


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
                id="convivir.W004",
            )
        ]
    return []
