"""Fixed lists of the directory. Codes are stored; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    CHIAPAS = "chiapas", "Chiapas"
    OAXACA = "oaxaca", "Oaxaca"
    TABASCO = "tabasco", "Tabasco"


class ServiceStatus(models.TextChoices):
    """What a person arriving needs to know today. HSDS has no "full": it is
    exported as ``active`` with an alert (see :mod:`directory.hsds`)."""

    OPEN = "open", _("Open, space available")
    FULL = "full", _("Full")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# RFC 5545 day codes used by HSDS schedules (``byday``), Monday first.
HSDS_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class ServiceLanguage(models.TextChoices):
    """Languages a service is offered in (ISO 639 codes, as HSDS wants)."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    PORTUGUESE = "pt", _("Portuguese")
    KICHE = "quc", _("K'iche'")
    MAM = "mam", _("Mam")
    TSOTSIL = "tzo", _("Tsotsil")
    TSELTAL = "tzh", _("Tseltal")
