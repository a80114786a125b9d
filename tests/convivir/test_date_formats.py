"""Every date the public reads is written one way, by the language's
format settings (``convivir/formats``): "1 de diciembre de 2026" in
Spanish, "1 December 2026" in English; never "1 Dic 2026" beside
"26 noviembre 2026". A public template names the format (DATE_FORMAT,
MONTH_DAY_FORMAT, YEAR_MONTH_FORMAT, DATETIME_FORMAT) instead of spelling
one out; machine formats ("c", "Y-m-d") and parts of a date (a weekday, a
time, the day and month of a calendar tile) are fine."""

import re
from datetime import date, datetime
from pathlib import Path

from django.utils import translation
from django.utils.formats import date_format

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATE_FILTER = re.compile(r"""\|date:["']([^"']*)["']""")
# For machines: datetime attributes (to the second, with the offset).
MACHINE = {"c", "Y-m-d", "Y-m-d\\TH:i:sO"}
# Format characters that spell out a month or a year.
SPELLED = re.compile(r"(?<!\\)[FMNbEYy]")


def public_templates():
    for path in sorted(ROOT.glob("*/templates/**/*")):
        if path.suffix in (".html", ".txt") and "admin" not in path.parts:
            yield path


def test_public_templates_name_their_date_format():
    spelled = [
        f"{path.relative_to(ROOT)}: {fmt}"
        for path in public_templates()
        for fmt in DATE_FILTER.findall(path.read_text())
        if fmt not in MACHINE
        and not fmt.endswith("_FORMAT")
        and SPELLED.search(fmt)
        and fmt != "M"  # the month of a calendar tile, beside its day
    ]
    assert spelled == []


@pytest.mark.parametrize(
    "language,expected",
    [
        (
            "es",
            [
                "1 de diciembre de 2026",
                "14 de marzo",
                "1 de diciembre de 2026 a las 09:30",
            ],
        ),
        ("en", ["1 December 2026", "14 March", "1 December 2026, 09:30"]),
    ],
)
def test_the_formats_read_day_month_year(language, expected):
    with translation.override(language):
        assert [
            date_format(date(2026, 12, 1), "DATE_FORMAT"),
            date_format(date(2026, 3, 14), "MONTH_DAY_FORMAT"),
            date_format(datetime(2026, 12, 1, 9, 30), "DATETIME_FORMAT"),
        ] == expected
