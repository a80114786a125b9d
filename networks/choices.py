"""The fixed lists a volunteer picks from, shared by the models, the sign-up
form and the opportunity filters. Codes are stored; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import LanguageSet


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


# Languages a volunteer speaks.
SpokenLanguage = LanguageSet(
    "es", "en", "fr", "ht", "quc", "mam", "tzo", "tzh", "other"
)
