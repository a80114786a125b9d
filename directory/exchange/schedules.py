"""Opening hours from HSDS schedules: a weekly schedule with ``byday``
("MO,TU,WE") is one row per day; an all-week 00:00-23:59 (or 24:00)
schedule, or one whose description says so, is "open 24 hours"."""

import re
from datetime import time

from directory.choices import HSDS_DAYS
from directory.exchange.values import Problem, clock, derived_id, plain, text, uuid_of

ACCEPTED_FREQ = "freq WEEKLY with interval 1 (or neither)"
ACCEPTED_DAYS = "byday with RFC 5545 days: " + ",".join(HSDS_DAYS)
# "Open 24 hours", "abierto las 24 horas", "24/7", once lower-cased.
ALL_DAY = re.compile(r"\b24 ?(hours|hrs|horas|h)\b|\b24 ?7\b|\ball day\b")


def says_open_24_hours(description) -> bool:
    return bool(ALL_DAY.search(plain(description)))


def _days(schedule: dict) -> list[str]:
    raw = schedule.get("byday")
    items = raw if isinstance(raw, list) else re.split(r"[,;\s]+", text(raw))
    days = []
    for item in filter(None, (text(d).upper() for d in items)):
        # "1MO" (the first Monday) is a monthly rule: not weekly hours.
        if item not in HSDS_DAYS:
            raise Problem("byday", f"unknown schedule day {item!r}", raw, ACCEPTED_DAYS)
        days.append(item)
    return list(dict.fromkeys(days))


def _check_frequency(schedule: dict):
    freq = text(schedule.get("freq")).upper()
    interval = text(schedule.get("interval")) or "1"
    if freq not in ("", "WEEKLY") or interval not in ("1", "1.0"):
        found = f"freq {freq or '-'} interval {interval}"
        raise Problem(
            "freq",
            f"schedule repeats {found}: only weekly hours can be kept",
            found,
            ACCEPTED_FREQ,
        )


def _all_day(opens: time, closes: time) -> bool:
    return opens == time(0) and closes in (time(23, 59), time(0))


def schedule_rows(schedule: dict) -> tuple[list[dict], bool]:
    """The day rows of one HSDS schedule, and whether it says the service
    is open 24 hours. Raises :class:`Problem`."""
    schedule_id = uuid_of(schedule.get("id"), "schedule id", "schedules.id")
    _check_frequency(schedule)
    days = _days(schedule)
    description = text(schedule.get("description"))
    every_day = not days or len(days) == len(HSDS_DAYS)
    if every_day and says_open_24_hours(description):
        return [], True
    if not days:
        raise Problem(
            "byday",
            "schedule has no days",
            schedule.get("byday") or "",
            ACCEPTED_DAYS + ", or a description saying open 24 hours",
        )
    opens = clock(schedule.get("opens_at"), "opens_at")
    closes = clock(schedule.get("closes_at"), "closes_at")
    if len(days) == len(HSDS_DAYS) and _all_day(opens, closes):
        return [], True
    if opens == closes:
        raise Problem(
            "closes_at",
            f"schedule opens and closes at {opens:%H:%M}",
            f"{opens:%H:%M}",
            "a closing time different from the opening time",
        )
    rows = [
        {
            # One day keeps the file's id; several get one id each.
            "id": schedule_id
            if len(days) == 1
            else derived_id("schedule", schedule_id, day),
            "weekday": HSDS_DAYS.index(day),
            "opens_at": opens,
            "closes_at": closes,
            "notes": text(schedule.get("notes")),
            "description": description,
        }
        for day in days
    ]
    return rows, False


def all_week_all_day(rows: list[dict]) -> bool:
    """Day rows that together say 24 hours every day."""
    return (
        bool(rows)
        and {r["weekday"] for r in rows} == set(range(7))
        and all(_all_day(r["opens_at"], r["closes_at"]) for r in rows)
    )
