"""The query string of an HSDS API request, read strictly: each endpoint
names the parameters it supports (those of the specification's
``openapi.json``, and the portal's documented extensions); any other
parameter, or a value of the wrong form, is a :class:`BadRequest` naming
it, never silently ignored."""

import math
import uuid

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from convivir.common.choices import State
from convivir.common.inputs import (
    FIRST_YEAR,
    LAST_YEAR,
    NUL,
    in_calendar,
    query_text,
    whole_number,
)

TRUE = {"true", "1"}
FALSE = {"false", "0"}
DEFAULT_RADIUS_KM = 10.0
MAX_RADIUS_KM = 1000.0


class BadRequest(Exception):
    """A parameter the endpoint does not support, or a malformed value."""

    def __init__(self, message: str, parameter: str):
        super().__init__(message)
        self.parameter = parameter


class Query:
    """The parameters of one request, checked against ``allowed``."""

    def __init__(self, request, allowed):
        self.params = request.GET
        for name in self.params:
            if name not in allowed:
                raise BadRequest(
                    f"unsupported parameter {name!r}; this endpoint accepts: "
                    + (", ".join(sorted(allowed)) or "none"),
                    name,
                )
        for name, values in self.params.lists():
            if len(values) > 1:
                raise BadRequest(f"{name} is given more than once", name)

    def text(self, name) -> str:
        value = self.params.get(name, "")
        # PostgreSQL refuses NUL in any string; nobody means one.
        if NUL in value:
            raise BadRequest(f"{name} must not contain NUL characters", name)
        return query_text(value)

    def integer(self, name, default, low, high) -> int:
        value = self.text(name)
        if not value:
            return default
        number = whole_number(value)
        if number is None:
            raise BadRequest(f"{name} must be a whole number", name)
        return max(low, min(high, number))

    def boolean(self, name) -> bool:
        value = self.text(name).lower()
        if value in TRUE:
            return True
        if value in FALSE or not value:
            return False
        raise BadRequest(f"{name} must be true or false", name)

    def uuid(self, name):
        value = self.text(name)
        if not value:
            return None
        try:
            return uuid.UUID(value)
        except ValueError as error:
            raise BadRequest(f"{name} must be a UUID", name) from error

    def moment(self, name):
        """An ISO 8601 date or datetime of the site's calendar, aware (a
        date or a time without an offset is Mexico City's); a value of
        another form, a day that does not exist ("2024-02-30"), an
        impossible offset ("+99:00") or a year out of the calendar is a
        :class:`BadRequest`."""
        value = self.text(name)
        if not value:
            return None
        message = f"{name} must be an ISO 8601 date or datetime"
        try:
            moment = parse_datetime(value)
            if moment is None:
                day = parse_date(value) if len(value) == 10 else None
                if day is None:
                    raise BadRequest(message, name)
                moment = timezone.datetime(day.year, day.month, day.day)
        except ValueError as error:
            raise BadRequest(f"{message}, of a day that exists", name) from error
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        if not in_calendar(moment.date()):
            raise BadRequest(
                f"{name} must be a date from {FIRST_YEAR} to {LAST_YEAR}", name
            )
        return moment

    def choice(self, name, choices):
        value = self.text(name).lower()
        if value and value not in choices:
            raise BadRequest(
                f"{name} must be one of: " + ", ".join(sorted(choices)), name
            )
        return value

    def state(self):
        return self.choice("state", set(State.values))

    def format(self) -> str:
        return self.choice("format", {"json", "ndjson"}) or "json"

    def proximity(self):
        """``proximity`` as a point and a radius in km, or None.

        Two forms: ``lat,long`` or ``lat,long,radius`` (radius in km,
        10 by default), or, as the specification words it, a distance in
        metres from the centre of ``postcode`` (``proximity=5000&postcode=…``;
        the caller finds that centre). Returns ``(lat, long, km)``, with
        lat and long None for the second form."""
        value = self.text("proximity")
        if not value:
            return None
        message = "proximity must be lat,long[,radius km] or metres with postcode"
        try:
            numbers = [float(part) for part in value.split(",")]
        except ValueError as error:
            raise BadRequest(message, "proximity") from error
        if not all(math.isfinite(n) for n in numbers) or len(numbers) > 3:
            raise BadRequest(message, "proximity")
        if len(numbers) == 1:
            if not self.text("postcode"):
                raise BadRequest(message, "proximity")
            return None, None, _radius(numbers[0] / 1000)
        if len(numbers) == 2:
            numbers.append(DEFAULT_RADIUS_KM)
        latitude, longitude, km = numbers
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise BadRequest(message, "proximity")
        return latitude, longitude, _radius(km)


def _radius(km: float) -> float:
    if not 0 < km <= MAX_RADIUS_KM:
        raise BadRequest(
            f"the proximity radius must be above 0 and at most {MAX_RADIUS_KM:.0f} km",
            "proximity",
        )
    return km
