"""The one phone normaliser: the same phone typed in different ways is
stored the same (E.164), numbers from the neighbouring countries are
understood, and what cannot be a phone is refused with a clear message."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from convivir.common.phones import (
    PhoneFormField,
    format_phone,
    normalize_phone,
    normalized_or_as_typed,
    phone_digits,
)


@pytest.mark.parametrize(
    "typed",
    [
        "962-555-0101",
        "962 555 0101",
        "(962) 555-0101",
        "9625550101",
        "+52 962 555 0101",
        "+52 1 962 555 0101",
        "52 962 555 0101",
        "0052 962 555 0101",
        " +52 (962) 555.0101 ",
    ],
)
def test_one_mexican_phone_typed_many_ways_is_stored_the_same(typed):
    assert normalize_phone(typed) == "+529625550101"


@pytest.mark.parametrize(
    "typed,stored",
    [
        ("+502 5555 1234", "+50255551234"),  # Guatemala
        ("502 5555 1234", "+50255551234"),
        ("00502 5555-1234", "+50255551234"),
        ("+501 622 1234", "+5016221234"),  # Belize
        ("503 7123 4567", "+50371234567"),  # El Salvador
        ("504 9123 4567", "+50491234567"),  # Honduras
        ("505 8123 4567", "+50581234567"),  # Nicaragua
        ("506 8312 3456", "+50683123456"),  # Costa Rica
        ("507 6123 4567", "+50761234567"),  # Panama
        ("+509 3456 7890", "+50934567890"),  # Haiti: any country with its +code
        ("+58 412 123 4567", "+584121234567"),  # Venezuela
    ],
)
def test_neighbours_numbers_and_any_number_with_its_country_code(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "typed,message",
    [
        ("llámame", "Escribe el número solo con dígitos"),
        ("123", "Escribe el número solo con dígitos"),
        ("5555 1234", "necesita su código de país, por ejemplo +502"),
        ("962 555 010", "tiene dígitos de más o de menos"),
        ("+52 962 555 01011", "tiene dígitos de más o de menos"),
    ],
)
def test_what_cannot_be_a_phone_is_refused_with_a_clear_message(typed, message):
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            normalize_phone(typed)
        assert message in " ".join(error.value.messages)


def test_the_message_is_in_the_readers_language():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            normalize_phone("5555 1234")
        assert "needs its country code, e.g. +502" in error.value.messages[0]


def test_nothing_typed_is_nothing_stored():
    assert normalize_phone("") == normalize_phone("   ") == ""


def test_stored_numbers_are_shown_readably_and_old_ones_as_typed():
    assert format_phone("+529625550101") == "+52 962 555 0101"
    assert format_phone("+50255551234") == "+502 5555 1234"
    assert format_phone("pregunte en recepción") == "pregunte en recepción"
    assert normalized_or_as_typed("pregunte en recepción") == "pregunte en recepción"
    assert normalized_or_as_typed("962 555 0101") == "+529625550101"
    assert phone_digits("962 555 0101") == "529625550101"


def test_form_field_cleans_to_e164_and_shows_errors():
    class Form(forms.Form):
        phone = PhoneFormField(required=False)

    form = Form({"phone": "962-555-0101"})
    assert form.is_valid() and form.cleaned_data["phone"] == "+529625550101"
    assert 'type="tel"' in str(form["phone"])
    with translation.override("es"):
        form = Form({"phone": "5555 1234"})
        assert not form.is_valid()
        assert "código de país" in form.errors["phone"][0]
    assert Form({"phone": ""}).is_valid()
