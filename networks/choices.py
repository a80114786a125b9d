"""The fixed lists a volunteer picks from, shared by the models, the sign-up
form and the opportunity filters. Codes are stored; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    CHIAPAS = "chiapas", "Chiapas"
    OAXACA = "oaxaca", "Oaxaca"
    TABASCO = "tabasco", "Tabasco"


class SpokenLanguage(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    KICHE = "quc", _("K'iche'")
    MAM = "mam", _("Mam")
    TSOTSIL = "tzo", _("Tsotsil")
    TSELTAL = "tzh", _("Tseltal")
    OTHER = "other", _("Other")


class Skill(models.TextChoices):
    LEGAL = "legal", _("Legal advice")
    HEALTH = "health", _("Health")
    PSYCHOLOGY = "psychology", _("Psychology")
    TEACHING = "teaching", _("Teaching")
    COOKING = "cooking", _("Cooking")
    INTERPRETING = "interpreting", _("Interpreting")
    DRIVING = "driving", _("Driving")
    IT = "it", _("Computers and IT")
    COMMUNICATIONS = "communications", _("Communications")
    OTHER = "other", _("Other")


class Weekday(models.TextChoices):
    MONDAY = "mon", _("Monday")
    TUESDAY = "tue", _("Tuesday")
    WEDNESDAY = "wed", _("Wednesday")
    THURSDAY = "thu", _("Thursday")
    FRIDAY = "fri", _("Friday")
    SATURDAY = "sat", _("Saturday")
    SUNDAY = "sun", _("Sunday")


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Mornings")
    AFTERNOON = "afternoon", _("Afternoons")
    EVENING = "evening", _("Evenings")


class MemberKind(models.TextChoices):
    SHELTER = "shelter", _("Shelter")
    PARISH = "parish", _("Parish")
    CLINIC = "clinic", _("Clinic")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
    INSTITUTION = "institution", _("Public institution")
    NEIGHBOURS = "neighbours", _("Neighbours' group")
    OTHER = "other", _("Other")


def labels(choices, codes) -> list[str]:
    """The translated labels of ``codes`` (unknown codes are skipped)."""
    names = dict(choices.choices)
    return [names[code] for code in codes or [] if code in names]
