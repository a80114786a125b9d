"""What visitors and staff put in an address, a filter or a search box,
read one way by every listing, feed, API parameter and admin filter, so
that no value can make a page fail:

- :func:`query_text`: text to search or filter by, without NUL characters
  (PostgreSQL refuses them in any string: "A string literal cannot contain
  NUL");
- :func:`whole_number` and :func:`record_id`: numbers written in ASCII
  digits only. ``str.isdigit()`` accepts "²" and Arabic-Indic digits, which ``int()`` or
  the database then refuse;
- :class:`CalendarDateField`, :func:`in_calendar` and
  :func:`month_in_calendar`: the days a listing can be asked about, far
  enough from the ends of Python's calendar (year 1 and year 9999) that the
  day after, the month before and the time zone's offset are still dates.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NUL = "\x00"
#: Digits as people type them in an address: ASCII only, an optional sign.
_WHOLE = re.compile(r"-?[0-9]{1,30}")
#: The largest primary key any database here stores (PostgreSQL's bigint).
MAX_RECORD_ID = 2**63 - 1
#: The years a calendar, a date filter or an API date may name.
FIRST_YEAR, LAST_YEAR = 1900, 2999
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


def query_text(value, max_length: int | None = None) -> str:
    """``value`` as text to search or filter by: NUL characters removed,
    surrounding spaces trimmed, cut to ``max_length``."""
    text = str(value or "").replace(NUL, "").strip()
    return text[:max_length] if max_length is not None else text


def whole_number(value) -> int | None:
    """``value`` as a whole number if it is written in ASCII digits (an
    optional minus sign, at most 30 digits), else None."""
    text = str(value if value is not None else "").strip()
    return int(text) if _WHOLE.fullmatch(text) else None


def record_id(value) -> int | None:
    """``value`` as a primary key that may exist: a positive whole number
    a database column holds, else None (never an error from the database)."""
    number = whole_number(value)
    return number if number is not None and 1 <= number <= MAX_RECORD_ID else None


def in_calendar(day: date) -> bool:
    """Whether ``day`` is within the years a listing may be asked about."""
    return FIRST_DAY <= day <= LAST_DAY


def month_in_calendar(year: int, month: int) -> bool:
    """Whether ``year`` and ``month`` name a month a calendar can show (and
    link to the month before and after)."""
    return 1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR


def validate_in_calendar(day: date) -> None:
    """A form's or a model's validator: ``day`` is within the calendar."""
    if not in_calendar(day):
        raise ValidationError(
            _("Choose a date between the years %(first)s and %(last)s."),
            code="out_of_calendar",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class CalendarDateField(forms.DateField):
    """A day typed as ``YYYY-MM-DD`` (or the language's formats) within
    :data:`FIRST_DAY` and :data:`LAST_DAY`; any other is a form error."""

    default_validators = [validate_in_calendar]
