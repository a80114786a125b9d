"""Languages by any ISO 639 code: ``es``, ``spa``, ``tzo``. One canonical
form is stored (ISO 639-1 where the language has one, ISO 639-3 otherwise,
as the portal's :class:`~convivir.common.choices.Language` does) and named in
the visitor's language: the portal's own names first (the corridor's
Indigenous languages are not in the ISO tables in Spanish), then the ISO
639-3 names from pycountry, translated where pycountry's catalogue has it."""

import gettext
from functools import cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _

import pycountry

from convivir.common.choices import Language

# Codes the portal uses that are not ISO 639 codes of one language.
_OWN = {"zap", "lsm", "other"}

# Languages of the corridor the ISO tables name only in English.
CORRIDOR = {
    "ctu": _("Ch'ol"),
    "kek": _("Q'eqchi'"),
    "zai": _("Isthmus Zapotec"),
    "toj": _("Tojolabal"),
    "cak": _("Kaqchikel"),
    "jac": _("Popti'"),
    "ixl": _("Ixil"),
    "zoh": _("Chimalapa Zoque"),
}


class UnknownLanguage(ValueError):
    """Not an ISO 639-1 or ISO 639-3 code."""


@cache
def canonical(code: str) -> str:
    """The stored form of an ISO 639-1 or 639-3 code (any case); raises
    :class:`UnknownLanguage`."""
    text = str(code or "").strip().lower()
    if text in _OWN or text in Language.values:
        return text
    record = None
    if len(text) == 2:
        record = pycountry.languages.get(alpha_2=text)
    elif len(text) == 3:
        record = pycountry.languages.get(alpha_3=text) or _bibliographic(text)
    if record is None:
        raise UnknownLanguage(code)
    return getattr(record, "alpha_2", None) or record.alpha_3


def _bibliographic(text):
    # ISO 639-2/B codes ("fre", "ger") that partners' tools still write.
    return next(
        (
            lang
            for lang in pycountry.languages
            if getattr(lang, "bibliographic", None) == text
        ),
        None,
    )


def is_known(code: str) -> bool:
    try:
        canonical(code)
    except UnknownLanguage:
        return False
    return True


def alpha_3(code: str) -> str:
    """The ISO 639-3 code of a stored code (``es`` → ``spa``)."""
    record = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return record.alpha_3 if record else code


@cache
def _catalogue(language: str):
    return gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@cache
def _own_names() -> dict:
    # Lazy labels, translated when shown.
    return {**dict(Language.choices), **CORRIDOR}


def name(code: str) -> str:
    """The language's name in the active language."""
    own = _own_names()
    if code in own:
        return str(own[code])
    record = (
        pycountry.languages.get(alpha_2=code)
        if len(code) == 2
        else pycountry.languages.get(alpha_3=code)
    )
    if record is None:
        return code
    return _catalogue(translation.get_language() or "es").gettext(record.name)


def names(codes) -> list[str]:
    return [name(code) for code in codes or []]
