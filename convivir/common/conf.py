"""One reader for the apps' settings (``EVENTS_RETENTION_DAYS``…): a Django
setting of that name wins, then the environment variable, then the
default. Zero is a value like any other (a rate limit of 0 switches a form
off), so only a missing setting falls back."""

from django.conf import settings

from convivir.env import env_int, env_str


def app_setting(name: str, default: int) -> int:
    value = getattr(settings, name, None)
    if value is not None:
        return int(value)
    return env_int(name, default)


def app_text_setting(name: str, default: str) -> str:
    """The same order for a text setting; an empty value is a value too."""
    value = getattr(settings, name, None)
    if value is not None:
        return str(value)
    return env_str(name, default)
