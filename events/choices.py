"""The fixed lists of the events app. Codes are stored; labels are
translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import LanguageSet


class RegistrationStatus(models.TextChoices):
    """Where a registration stands (``Registration.Status``)."""

    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Repeat(models.TextChoices):
    WEEKLY = "weekly", _("every week")
    MONTHLY = "monthly", _("every month")


# Languages spoken at an event.
EventLanguage = LanguageSet(
    "es", "en", "fr", "ht", "quc", "mam", "tzo", "tzh", "zap", "lsm"
)
