"""The fixed lists of the events app. Codes are stored; labels are
translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    CHIAPAS = "chiapas", "Chiapas"
    OAXACA = "oaxaca", "Oaxaca"
    TABASCO = "tabasco", "Tabasco"


class EventLanguage(models.TextChoices):
    """Languages spoken at an event."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    KICHE = "quc", _("K'iche'")
    MAM = "mam", _("Mam")
    TSOTSIL = "tzo", _("Tsotsil")
    TSELTAL = "tzh", _("Tseltal")
    ZAPOTEC = "zap", _("Zapotec")
    SIGN = "lsm", _("Mexican Sign Language")


class RegistrationStatus(models.TextChoices):
    """Where a registration stands (``Registration.Status``)."""

    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Repeat(models.TextChoices):
    WEEKLY = "weekly", _("every week")
    MONTHLY = "monthly", _("every month")


def labels(choices, codes) -> list[str]:
    """The translated labels of ``codes`` (unknown codes are skipped)."""
    names = dict(choices.choices)
    return [names[code] for code in codes or [] if code in names]
