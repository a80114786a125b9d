"""A service's texts for a page in Spanish or English: each text with an
English version, and a text with the language it is written in (see
:meth:`Service.text <directory.models.Service.text>`), so that a page can
mark Spanish text shown on an English page."""

from typing import NamedTuple

# A service's texts written in Spanish, and the field of each one's English
# version (HSDS: ``alternate_name`` is the English name).
ENGLISH_TEXTS = {
    "name": "alternate_name",
    "description": "description_en",
    "eligibility_description": "eligibility_description_en",
    "application_process": "application_process_en",
    "fees_description": "fees_description_en",
}


class Text(NamedTuple):
    """A text as a page shows it, and the language it is written in."""

    value: str
    lang: str
