"""How every entry point reads what is typed into an address, a filter or
a search box (convivir.common.inputs)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from convivir.common.inputs import (
    CalendarDateField,
    month_in_calendar,
    query_text,
    record_id,
    whole_number,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  albergue ", "albergue"),
        ("alber\x00gue", "albergue"),
        ("\x00", ""),
        (None, ""),
        ("niño", "niño"),
    ],
)
def test_query_text_has_no_nul(value, text):
    assert query_text(value) == text


def test_query_text_is_cut_after_the_nuls_are_gone():
    assert query_text("\x00" * 5 + "abcdef", max_length=3) == "abc"


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("-3", -3),
        (12, 12),
        ("²", None),
        ("١٢", None),
        ("1_000", None),
        ("1.0", None),
        ("", None),
        (None, None),
        ("9" * 31, None),
    ],
)
def test_whole_numbers_are_ascii_digits(value, number):
    assert whole_number(value) == number


@pytest.mark.parametrize(
    ("value", "pk"),
    [("5", 5), ("0", None), ("-5", None), (str(2**63), None), ("²", None)],
)
def test_record_ids_are_positive_and_fit_a_column(value, pk):
    assert record_id(value) == pk


@pytest.mark.parametrize(
    ("year", "month", "shown"),
    [
        (1900, 1, True),
        (2999, 12, True),
        (1899, 12, False),
        (3000, 1, False),
        (1, 1, False),
        (9999, 12, False),
        (2030, 13, False),
        (2030, 0, False),
    ],
)
def test_months_a_calendar_shows(year, month, shown):
    assert month_in_calendar(year, month) is shown


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_day_out_of_the_calendar_is_a_form_error_in_the_language(language):
    field = CalendarDateField()
    assert field.clean("1900-01-01") == date(1900, 1, 1)
    with translation.override(language):
        with pytest.raises(ValidationError) as raised:
            field.clean("9999-12-31")
        message = raised.value.messages[0]
    assert (
        message
        == {
            "es": "Elige una fecha entre los años 1900 y 2999.",
            "en": "Choose a date between the years 1900 and 2999.",
        }[language]
    )
