"""One way to read, store and compare a phone number, for every app.

People type the same phone in many ways ("962-555-0101", "962 555 0101",
"+52 962 555 0101"); stored as typed, one person looks like two. Every
number is therefore stored in E.164 (``+529625550101``), read with Google's
libphonenumber (the ``phonenumbers`` package):

- a number without a country code is Mexican;
- a number from Belize, Guatemala, El Salvador, Honduras, Nicaragua, Costa
  Rica or Panama may be typed with its country code with or without the
  ``+`` ("502 5555 1234");
- any other country's number needs ``+`` (or ``00``) and its country code.

Numbers are checked with ``is_possible_number`` (the right length for their
country), not ``is_valid_number`` (a number in a range the library knows is
allocated): the library's list of ranges ages, and refusing a real number
of someone in transit costs more than keeping a mistyped one.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

DEFAULT_REGION = "MX"
# Country codes people from the neighbouring countries type without "+".
NEIGHBOUR_CODES = ("501", "502", "503", "504", "505", "506", "507")
# Digits with the usual separators; a leading + for an international number.
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ().-]{6,25}$")

NOT_A_NUMBER = _("Write the number with digits only, e.g. +52 962 123 4567.")
IMPOSSIBLE = _(
    "This phone number has too many or too few digits. A number from outside "
    "Mexico needs its country code, e.g. +502 for Guatemala."
)


def _possible(number) -> bool:
    # A shorter "local only" number (dialled without the area code) cannot be
    # called from elsewhere: it is not a number we can store.
    return (
        phonenumbers.is_possible_number_with_reason(number)
        == ValidationResult.IS_POSSIBLE
    )


def parse_phone(text: str) -> phonenumbers.PhoneNumber:
    """The number ``text`` stands for. Raises :class:`ValidationError` with
    a message for the person who typed it."""
    text = (text or "").strip()
    if not PHONE_CHARACTERS.match(text) or sum(c.isdigit() for c in text) < 7:
        raise ValidationError(NOT_A_NUMBER, code="not_a_number")
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except NumberParseException as error:
        raise ValidationError(NOT_A_NUMBER, code="not_a_number") from error
    digits = "".join(c for c in text if c.isdigit())
    neighbour = not text.startswith("+") and digits.startswith(NEIGHBOUR_CODES)
    if neighbour and not _possible(number):
        number = phonenumbers.parse("+" + digits)
    national = str(number.national_number)
    if (
        not _possible(number)
        and number.country_code == 52
        and len(national) == 11
        and national.startswith("1")
    ):
        # Mexican mobiles were dialled as +52 1 … until 2019; people still
        # write the 1, which is no longer part of the number.
        number = phonenumbers.parse("+52" + national[1:])
    if not _possible(number):
        raise ValidationError(IMPOSSIBLE, code="impossible")
    return number


def normalize_phone(text: str) -> str:
    """How every app stores and compares a phone number: E.164, or "" for
    nothing typed. Raises :class:`ValidationError` for anything that cannot
    be a phone number."""
    if not (text or "").strip():
        return ""
    return phonenumbers.format_number(parse_phone(text), PhoneNumberFormat.E164)


def normalized_or_as_typed(text: str) -> str:
    """E.164 when ``text`` can be read as a number, otherwise ``text``
    unchanged (numbers stored before they were checked)."""
    try:
        return normalize_phone(text)
    except ValidationError:
        return text


def format_phone(value: str) -> str:
    """A stored number as people read it (``+52 962 555 0101``); one that
    cannot be read is shown as it was typed."""
    try:
        number = parse_phone(value)
    except ValidationError:
        return value
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def phone_digits(value: str) -> str:
    """The digits of a number, country code first (what wa.me wants)."""
    return "".join(c for c in normalized_or_as_typed(value) if c.isdigit())


def validate_phone(value: str):
    """A validator for forms and models: refuses what is not a number."""
    normalize_phone(value)


class PhoneFormField(forms.CharField):
    """A phone or WhatsApp number, cleaned to E.164."""

    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_phone(value) if value else value


class PhoneNumberField(models.CharField):
    """A phone number stored in E.164; its form field cleans what is typed
    (``962-555-0101``) to that form."""

    default_validators = [validate_phone]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneFormField, **kwargs})


def normalize_stored_phones(queryset, field: str) -> int:
    """Rewrite ``field`` in E.164 on every row of ``queryset`` where it can
    be read; a number that cannot be read stays as it was typed. For the
    data migrations of the apps that store phones. Returns the rows changed."""
    changed = []
    for row in queryset.exclude(**{field: ""}).only("pk", field).iterator():
        value = getattr(row, field)
        normalized = normalized_or_as_typed(value)
        if normalized != value:
            setattr(row, field, normalized)
            changed.append(row)
    queryset.model.objects.bulk_update(changed, [field], batch_size=500)
    return len(changed)
