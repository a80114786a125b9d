"""How the records of :mod:`convivir.privacy` read on the "my data" page:
each value under its label, dates in the page's language and time zone."""

from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

EMPTY = "—"


def display_value(value) -> str:
    """One value of a record as text."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, dict):
        return " · ".join(display_value(item) for item in value.values())
    if isinstance(value, list | tuple):
        return ", ".join(display_value(item) for item in value)
    return str(value)


def display_record(holder, record: dict) -> dict:
    """A record as a title and rows of label and value; a list of
    sub-records (a volunteer's notes) becomes a list of items."""
    rows = []
    for key, value in record.items():
        row = {"label": holder.fields.get(key, key)}
        if isinstance(value, list) and any(isinstance(item, dict) for item in value):
            row["entries"] = [display_value(item) for item in value]
        else:
            row["value"] = display_value(value)
        rows.append(row)
    title = record.get(holder.title_field) if holder.title_field else None
    return {"title": display_value(title) if title else "", "rows": rows}


def display_held(held) -> list[dict]:
    """What :meth:`PersonalDataRegistry.held` found, ready for the page."""
    return [
        {
            "name": holder.name,
            "label": holder.label,
            "erasure": holder.erasure,
            "records": [display_record(holder, record) for record in records],
        }
        for holder, records in held
    ]
