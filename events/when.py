"""When a date starts, in words for a message: "today at 18:00", "tomorrow
at 10:00", "on 14 March at 10:00" ("today", "tomorrow", "on 14 March" for
an all-day date), from the local day (America/Mexico_City) of the start
and of the moment the message is written, in the active language."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def starts_in_words(occurrence, now=None) -> str:
    """How soon ``occurrence`` starts, seen from ``now``; lower case, to be
    put in a sentence (or capitalised for a subject)."""
    start = timezone.localtime(occurrence.start)
    days = (start.date() - timezone.localtime(now or timezone.now()).date()).days
    values = {
        "time": date_format(start, "H:i"),
        "date": date_format(start, "MONTH_DAY_FORMAT"),
    }
    if occurrence.all_day:
        if days <= 0:
            return pgettext("an all-day date starts", "today")
        if days == 1:
            return pgettext("an all-day date starts", "tomorrow")
        return _("on %(date)s") % values
    if days <= 0:
        return _("today at %(time)s") % values
    if days == 1:
        return _("tomorrow at %(time)s") % values
    return _("on %(date)s at %(time)s") % values
