"""How every app reads what people type, in forms, models and importers
alike: e-mail addresses (stored and compared one way) and languages (the
site's own). Phone numbers are :mod:`convivir.common.phones`."""

from django.conf import settings
from django.utils import translation


def normalize_email(email: str) -> str:
    """How every app stores and compares an e-mail address."""
    return (email or "").strip().lower()


def supported_language(language: str | None) -> str:
    """The site language to write to someone who asked for ``language``:
    ``es`` or ``en``, Spanish when unknown."""
    if language:
        try:
            return translation.get_supported_language_variant(language)
        except LookupError:
            pass
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)
