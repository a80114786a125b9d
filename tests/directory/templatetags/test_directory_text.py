"""``{% shown %}``: an entry's text escaped, marked as Spanish on an English
page when no English text is written."""

from django.template import Context, Template
from django.utils import translation

import pytest

from directory.models.texts import Text


def _render(text, language, lines=False) -> str:
    template = Template("{% load directory_text %}{% shown text lines=lines %}")
    with translation.override(language):
        return template.render(Context({"text": text, "lines": lines}))


@pytest.mark.parametrize(
    ("text", "language", "html"),
    [
        (Text("Bethlehem Shelter", "en"), "en", "Bethlehem Shelter"),
        (Text("Albergue Belén", "es"), "es", "Albergue Belén"),
        (Text("Albergue Belén", "es"), "en", '<span lang="es">Albergue Belén</span>'),
        # What editors write without an English version is Spanish.
        ("Rampa en la entrada.", "en", '<span lang="es">Rampa en la entrada.</span>'),
        ("Rampa en la entrada.", "es", "Rampa en la entrada."),
        ("", "en", ""),
        (None, "en", ""),
    ],
)
def test_shown_marks_the_language(text, language, html):
    assert _render(text, language) == html


def test_shown_escapes_and_keeps_line_breaks():
    text = Text("<b>Aviso</b>\nCalle 5", "es")
    assert _render(text, "en", lines=True) == (
        '<span lang="es">&lt;b&gt;Aviso&lt;/b&gt;<br>Calle 5</span>'
    )
    assert _render(text, "es") == "&lt;b&gt;Aviso&lt;/b&gt;\nCalle 5"
