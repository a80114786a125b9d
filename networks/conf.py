"""The app's settings, read through the one reader
(:func:`convivir.common.conf.app_setting`): a Django setting of the same name
wins, then the environment variable, then the default."""

from convivir.common.conf import app_setting


def unconfirmed_retention_days() -> int:
    """Days after which a sign-up never confirmed is deleted."""
    return app_setting("NETWORKS_UNCONFIRMED_RETENTION_DAYS", 14)


def inactive_retention_months() -> int:
    """Months after which an inactive or declined volunteer is deleted."""
    return app_setting("NETWORKS_INACTIVE_RETENTION_MONTHS", 24)


def confirmation_days() -> int:
    """How long the link in the confirmation e-mail works."""
    return app_setting("NETWORKS_CONFIRMATION_DAYS", 7)


def link_days() -> int:
    """How long "my data" links made before the self-service moved to the
    core (convivir.privacy) keep leading there."""
    return app_setting("NETWORKS_LINK_DAYS", 30)


def signup_rate_limit() -> int:
    """Sign-up attempts allowed per connection in ten minutes. Generous: a
    shelter's or a school's families share one connection."""
    return app_setting("NETWORKS_SIGNUP_RATE_LIMIT", 20)
