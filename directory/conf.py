"""The directory's settings, read through the one reader
(:func:`convivir.common.conf.app_setting`): a Django setting of the same name
wins, then the environment variable, then the default."""

from convivir.common.conf import app_setting, app_text_setting


def stale_after_days() -> int:
    """Days without verification after which a page warns the visitor."""
    return app_setting("DIRECTORY_STALE_AFTER_DAYS", 180)


def hide_after_days() -> int:
    """Days without verification after which an entry leaves the public."""
    return app_setting("DIRECTORY_HIDE_AFTER_DAYS", 365)


def link_days() -> int:
    """How long the verification and status links sent to services work."""
    return app_setting("DIRECTORY_LINK_DAYS", 45)


def report_rate_limit() -> int:
    """Reports of wrong information allowed per connection in ten minutes."""
    return app_setting("DIRECTORY_REPORT_RATE_LIMIT", 10)


def map_tiles() -> str:
    """The map's tile address (``{z}/{x}/{y}``), fetched by the visitor's
    browser only after they ask for the map; empty: no map is offered."""
    return app_text_setting(
        "DIRECTORY_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    )
