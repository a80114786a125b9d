"""The fixed lists campaigns and dialogue materials are described with.
Codes are stored; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from convivir.common.choices import LanguageSet


class Audience(models.TextChoices):
    TEACHERS = "teachers", _("Teachers")
    YOUTH = "youth", _("Young people")
    FAITH = "faith", _("Faith communities")
    OFFICIALS = "officials", _("Local officials")
    SHELTER_STAFF = "shelter_staff", _("Shelter staff")
    MEDIA = "media", _("Media")


class MaterialFormat(models.TextChoices):
    GUIDE = "guide", _("Facilitator guide")
    ACTIVITY = "activity", _("Activity sheet")
    POSTER = "poster", _("Poster")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")
    PRESENTATION = "presentation", _("Presentation")


class DurationRange(models.TextChoices):
    """Buckets for the library's duration filter (session length)."""

    SHORT = "short", _("Up to 45 minutes")
    MEDIUM = "medium", _("46 to 90 minutes")
    LONG = "long", _("More than 90 minutes")

    @classmethod
    def of(cls, minutes: int) -> str:
        if minutes <= 45:
            return cls.SHORT
        if minutes <= 90:
            return cls.MEDIUM
        return cls.LONG


class ToolkitKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    SOCIAL_CARD = "social_card", _("Social media card")
    RADIO_SPOT = "radio_spot", _("Radio spot")
    GUIDE = "guide", _("Guide")
    OTHER = "other", _("Other")


# Languages a dialogue material is in.
MaterialLanguage = LanguageSet("es", "en", "fr", "ht", "tzo", "tzh")
