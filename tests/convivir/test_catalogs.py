"""Every string a user can see has its Spanish translation: no catalog
holds an empty or fuzzy Spanish entry, and each catalog is compiled."""

from pathlib import Path

from django.conf import settings

import polib
import pytest

ROOT = Path(settings.BASE_DIR)
SPANISH_CATALOGS = sorted(
    path
    for path in ROOT.glob("*/locale/es/LC_MESSAGES/django.po")
    if ".venv" not in path.parts
)


def test_there_are_catalogs():
    assert ROOT / "site/locale/es/LC_MESSAGES/django.po" in SPANISH_CATALOGS


@pytest.mark.parametrize(
    "path", SPANISH_CATALOGS, ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_spanish_entry_is_translated(path):
    untranslated = [
        entry.msgid
        for entry in polib.pofile(str(path))
        if not entry.obsolete and ("fuzzy" in entry.flags or not entry.translated())
    ]
    assert untranslated == []


@pytest.mark.parametrize(
    "path", SPANISH_CATALOGS, ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_catalog_is_compiled(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists()
    assert len(polib.mofile(str(compiled))) == len(
        polib.pofile(str(path)).translated_entries()
    )
