"""The directory's settings: a Django setting of the same name wins, then the
environment variable, then the default."""

from django.conf import settings

from convivir.env import env_int


def _setting(name: str, default: int) -> int:
    return getattr(settings, name, None) or env_int(name, default)


def stale_after_days() -> int:
    """Days without verification after which a page warns the visitor."""
    return _setting("DIRECTORY_STALE_AFTER_DAYS", 180)


def hide_after_days() -> int:
    """Days without verification after which an entry leaves the public."""
    return _setting("DIRECTORY_HIDE_AFTER_DAYS", 365)


def link_days() -> int:
    """How long the verification and status links sent to services work."""
    return _setting("DIRECTORY_LINK_DAYS", 45)


def report_rate_limit() -> int:
    """Reports of wrong information allowed per connection in ten minutes."""
    return _setting("DIRECTORY_REPORT_RATE_LIMIT", 10)
