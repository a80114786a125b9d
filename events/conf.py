"""The app's settings: a Django setting of the same name wins, then the
environment variable, then the default."""

from django.conf import settings

from convivir.env import env_int


def _setting(name: str, default: int) -> int:
    return getattr(settings, name, None) or env_int(name, default)


def retention_days() -> int:
    """Days after an occurrence ends before its registrants' personal data
    is deleted (the anonymous counts stay)."""
    return _setting("EVENTS_RETENTION_DAYS", 30)


def reminder_hours() -> int:
    """How long before an occurrence starts the reminder goes out."""
    return _setting("EVENTS_REMINDER_HOURS", 24)


def registration_rate_limit() -> int:
    """Registration attempts allowed per connection in ten minutes. Generous:
    a shelter's families share one connection."""
    return _setting("EVENTS_REGISTRATION_RATE_LIMIT", 30)


def per_page() -> int:
    """Occurrences per page in the upcoming list and the archive."""
    return _setting("EVENTS_PER_PAGE", 20)
