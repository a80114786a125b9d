"""The app's settings, read through the one reader
(:func:`convivir.common.conf.app_setting`): a Django setting of the same name
wins, then the environment variable, then the default."""

from convivir.common.conf import app_setting


def retention_days() -> int:
    """Days after an occurrence ends before its registrants' personal data
    is deleted (the anonymous counts stay)."""
    return app_setting("EVENTS_RETENTION_DAYS", 30)


def reminder_hours() -> int:
    """How long before an occurrence starts the reminder goes out."""
    return app_setting("EVENTS_REMINDER_HOURS", 24)


def registration_rate_limit() -> int:
    """Registration attempts allowed per connection in ten minutes. Generous:
    a shelter's families share one connection."""
    return app_setting("EVENTS_REGISTRATION_RATE_LIMIT", 30)


def per_page() -> int:
    """Occurrences per page in the upcoming list and the archive."""
    return app_setting("EVENTS_PER_PAGE", 20)
