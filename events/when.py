"""When a date takes place, in the active language, from its local days
and times (America/Mexico_City):

- :func:`occurrence_when`, as every page, list and e-mail writes it: the
  weekday, the date and the times joined by an en dash ("Jueves 14 de
  marzo de 2030, 10:00" to "12:00"), "Jueves 14 de marzo de 2030, todo el
  día", "Del jueves 14 de marzo al sábado 16 de marzo de 2030, todo el
  día";
- :func:`starts_in_words`, how soon it starts, for a message: "today at
  18:00", "tomorrow at 10:00", "on 14 March at 10:00" ("today", "tomorrow",
  "on 14 March" for an all-day date), seen from the moment it is written.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy


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


# Weekdays as a date in running text writes them: in Spanish in lower case
# ("del jueves 14 al sábado 16"), where a schedule's labels start with a
# capital ("Lunes 08:00 a 20:00").
WEEKDAYS = [
    pgettext_lazy("a weekday in a date", "Monday"),
    pgettext_lazy("a weekday in a date", "Tuesday"),
    pgettext_lazy("a weekday in a date", "Wednesday"),
    pgettext_lazy("a weekday in a date", "Thursday"),
    pgettext_lazy("a weekday in a date", "Friday"),
    pgettext_lazy("a weekday in a date", "Saturday"),
    pgettext_lazy("a weekday in a date", "Sunday"),
]


def _day(day, fmt: str = "DATE_FORMAT") -> str:
    """A day with its weekday: "jueves 14 de marzo de 2030"."""
    return f"{WEEKDAYS[day.weekday()]} {date_format(day, fmt)}"


def _moment(moment, fmt: str = "DATE_FORMAT") -> str:
    return f"{_day(moment, fmt)}, {date_format(moment, 'H:i')}"


def occurrence_when(occurrence) -> str:
    """When ``occurrence`` takes place, as a line that starts a sentence."""
    start, end = occurrence.local_start, occurrence.local_end
    if occurrence.all_day:
        days = occurrence.days()
        if len(days) > 1:
            text = _("%(first)s to %(last)s, all day") % {
                "first": _day(days[0], "MONTH_DAY_FORMAT"),
                "last": _day(days[-1]),
            }
        else:
            text = _("%(day)s, all day") % {"day": _day(days[0])}
    elif occurrence.is_multi_day:
        text = _("%(start)s \u2013 %(end)s") % {
            "start": _moment(start, "MONTH_DAY_FORMAT"),
            "end": _moment(end),
        }
    else:
        text = _("%(day)s, %(start)s\u2013%(end)s") % {
            "day": _day(start),
            "start": date_format(start, "H:i"),
            "end": date_format(end, "H:i"),
        }
    return capfirst(text)
