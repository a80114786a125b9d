"""The app's settings, read through the one reader
(:func:`convivir.common.conf.app_setting`): a Django setting of the same name
wins, then the environment variable, then the default."""

from convivir.common.conf import app_setting


def unconfirmed_retention_days() -> int:
    """Days after which a pledge never confirmed is deleted."""
    return app_setting("CAMPAIGNS_UNCONFIRMED_RETENTION_DAYS", 14)


def confirmation_days() -> int:
    """How long the link in the pledge confirmation e-mail works."""
    return app_setting("CAMPAIGNS_CONFIRMATION_DAYS", 7)


def pledge_rate_limit() -> int:
    """Pledge attempts allowed per connection in ten minutes. Generous: a
    school or a parish may sign together from one connection."""
    return app_setting("CAMPAIGNS_PLEDGE_RATE_LIMIT", 20)


def per_page() -> int:
    """Campaigns and materials per listing page."""
    return app_setting("CAMPAIGNS_PER_PAGE", 12)
