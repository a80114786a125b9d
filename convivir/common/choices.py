"""The fixed lists every app shares: the programme's states, the days of the
week, and the languages spoken along the corridor. Codes are stored; labels
are translated. Each app offers the part of :class:`Language` it needs
through a :class:`LanguageSet`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    CHIAPAS = "chiapas", "Chiapas"
    OAXACA = "oaxaca", "Oaxaca"
    TABASCO = "tabasco", "Tabasco"


class Weekday(models.IntegerChoices):
    """Stored as Python's ``date.weekday()``: Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Language(models.TextChoices):
    """Languages by ISO 639 code (as HSDS wants)."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    PORTUGUESE = "pt", _("Portuguese")
    KICHE = "quc", _("K'iche'")
    MAM = "mam", _("Mam")
    TSOTSIL = "tzo", _("Tsotsil")
    TSELTAL = "tzh", _("Tseltal")
    ZAPOTEC = "zap", _("Zapotec")
    SIGN = "lsm", _("Mexican Sign Language")
    OTHER = "other", _("Other")


class LanguageSet:
    """Some of the :class:`Language` codes, in the given order, with the
    ``choices`` and ``values`` of a Django choices class."""

    def __init__(self, *codes: str):
        unknown = set(codes) - set(Language.values)
        if unknown:
            raise ValueError(f"not in Language: {sorted(unknown)}")
        self.values = list(codes)
        self._labels = dict(Language.choices)

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(code, self._labels[code]) for code in self.values]


def labels(choices, codes) -> list[str]:
    """The translated labels of ``codes`` (unknown codes are skipped)."""
    names = dict(choices.choices)
    return [names[code] for code in codes or [] if code in names]
