"""Single values of a partner's file as the directory stores them: text,
numbers, coordinates, dates, phone numbers, states and costs. Each reader
raises :class:`Problem` saying what was found and what is accepted."""

import re
import unicodedata
import uuid
from datetime import datetime, time
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date, parse_datetime

from convivir.common.choices import State
from convivir.common.phones import normalize_phone
from directory import hsds

# The ids the portal derives (HSDS records it makes up) share the HSDS
# output's namespace.
NAMESPACE = hsds.NAMESPACE
LOCAL_TIME = ZoneInfo("America/Mexico_City")


class Problem(ValueError):
    """A value the directory cannot take: the field, what was found, what is
    accepted."""

    def __init__(self, field: str, message: str, found="", accepted=""):
        super().__init__(message)
        self.field, self.message, self.found, self.accepted = (
            field,
            message,
            found,
            accepted,
        )


def plain(text) -> str:
    """Lower case, no accents, no punctuation, single spaces: for matching."""
    text = unicodedata.normalize("NFKD", str(text or "")).lower()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w+]+", " ", text).split())


def text(value) -> str:
    return "" if value is None else str(value).strip()


def uuid_of(value, what: str, field: str = "") -> uuid.UUID:
    try:
        return uuid.UUID(str(value).strip())
    except (ValueError, TypeError, AttributeError) as error:
        message = f"{what} {value!r} is not a UUID" if value else f"missing {what}"
        raise Problem(field or what, message, value, "a UUID") from error


def derived_id(*parts) -> uuid.UUID:
    """A stable id for a record the directory derives from the file."""
    return uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts))


def coordinate(value, low, high, field) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not low <= number <= high:
        raise Problem(
            field,
            f"invalid {field} {value!r}",
            value,
            f"a number from {low} to {high}",
        )
    return number.quantize(Decimal("0.000001"))


def age(value, field) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(Decimal(str(value).strip()))
    except (InvalidOperation, ValueError):
        number = -1
    if not 0 <= number <= 130:
        raise Problem(
            field, f"invalid {field} {value!r}", value, "a whole number from 0 to 130"
        )
    return number


def moment(value, field) -> datetime | None:
    """A date or date-time; a date is midnight in Mexico City."""
    if value in (None, ""):
        return None
    raw = str(value).strip()
    try:
        found = parse_datetime(raw)
        day = None if found else parse_date(raw)
    except ValueError:
        found = day = None
    if found is None and day is not None:
        found = datetime(day.year, day.month, day.day)
    if found is None:
        raise Problem(
            field,
            f"invalid {field} {value!r}",
            value,
            "a date (2025-03-01) or date and time (2025-03-01T10:00:00Z)",
        )
    return found if found.tzinfo else found.replace(tzinfo=LOCAL_TIME)


def clock(value, field) -> time:
    """ "10:00", "10:00:00", "24:00" (the end of the day, kept as 23:59)."""
    match = re.fullmatch(
        r"(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\S+)?", text(value)
    )
    hours, minutes = (int(match[1]), int(match[2])) if match else (99, 99)
    if (hours, minutes) == (24, 0):
        return time(23, 59)
    if hours > 23 or minutes > 59:
        message = f"invalid {field} {value!r}" if text(value) else f"missing {field}"
        raise Problem(field, message, value, "a time of day, 10:00 or 10:00:00")
    return time(hours, minutes)


def phone(value, field="number") -> str:
    """A number as partners' tools write it, quotes and all, normalised."""
    number = text(value).strip("\"'“” ")
    try:
        return normalize_phone(number)
    except ValidationError as error:
        raise Problem(
            field,
            f"invalid phone number {value!r}",
            value,
            "a number with country code, e.g. +52 962 123 4567",
        ) from error


# Spanish and English spellings of a state, and their abbreviations.
STATES = {
    **{plain(label): value for value, label in State.choices},
    "chis": State.CHIAPAS,
    "chp": State.CHIAPAS,
    "cs": State.CHIAPAS,
    "oax": State.OAXACA,
    "oa": State.OAXACA,
    "tab": State.TABASCO,
    "tb": State.TABASCO,
    "mx chp": State.CHIAPAS,
    "mx oax": State.OAXACA,
    "mx tab": State.TABASCO,
}
STATES_ACCEPTED = "Chiapas, Oaxaca or Tabasco (or Chis., CHP, Oax., Tab.)"


def state(value) -> str:
    """The state's code; :class:`Problem` for any other state."""
    code = STATES.get(plain(value).removeprefix("estado de ").replace("-", " "))
    if code is None:
        raise Problem(
            "state_province", f"unknown state {value!r}", value, STATES_ACCEPTED
        )
    return code


# What "free" is written as, once lower-cased and without accents.
FREE = {
    "gratuito",
    "gratuita",
    "gratis",
    "sin costo",
    "sin cargo",
    "sin costo alguno",
    "free",
    "no cost",
    "free of charge",
    "0",
    "0 00",
}
FILLERS = ("servicio ", "service is ", "es ", "totalmente ", "completamente ")


def is_free_text(value) -> bool:
    words = plain(value)
    for filler in FILLERS:
        words = words.removeprefix(filler)
    return words in FREE


def _amount(value) -> Decimal | None:
    try:
        return Decimal(str(value).strip()) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _number(amount: Decimal) -> str:
    """150 → "150", 12.50 → "12.50"."""
    return f"{amount:f}" if amount != amount.to_integral() else f"{amount:.0f}"


def cost(fees_description, options) -> tuple[bool, str]:
    """Whether the service is free, and the fees as one text: the file's
    description, then each cost option (option, amount, currency, what the
    amount is for)."""
    description = text(fees_description)
    paid = []
    for option in options or []:
        amount = _amount(option.get("amount"))
        label = text(option.get("option"))
        if amount == 0 or (amount is None and is_free_text(label)):
            continue
        price = " ".join(
            p
            for p in (
                _number(amount) if amount is not None else "",
                text(option.get("currency")).upper(),
                text(option.get("amount_description")),
            )
            if p
        )
        paid.append(": ".join(p for p in (label, price) if p))
    if not paid and (not description or is_free_text(description)):
        return True, ""
    return False, "\n".join(p for p in (description, *paid) if p)
