"""Fixed lists of the directory. Codes are stored; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import LanguageSet


class ServiceStatus(models.TextChoices):
    """What a person arriving needs to know today. HSDS has no "full": it is
    exported as ``active`` with an alert (see :mod:`directory.hsds`)."""

    OPEN = "open", _("Open, space available")
    FULL = "full", _("Full")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")


# RFC 5545 day codes used by HSDS schedules (``byday``), Monday first.
HSDS_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# Languages a service is offered in.
ServiceLanguage = LanguageSet("es", "en", "fr", "ht", "pt", "quc", "mam", "tzo", "tzh")


class PhoneKind(models.TextChoices):
    """HSDS phone types."""

    VOICE = "voice", _("Voice")
    CELL = "cell", _("Mobile")
    TEXT = "text", _("Text messages")
    FAX = "fax", _("Fax")
    VIDEO = "video", _("Video call")
    PAGER = "pager", _("Pager")
    TEXTPHONE = "textphone", _("Text phone")
