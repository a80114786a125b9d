"""How text is read for searching: accents, case, plurals and filler words
do not matter; operators are plain text."""

import pytest

from search.analysis import MAX_QUERY_CHARS, fold, query_terms, terms


def test_case_and_accents_do_not_matter():
    assert fold("Atención PSICOLÓGICA para Niños") == "atencion psicologica para ninos"
    assert terms("Diálogo") == terms("dialogo") == terms("DIALOGO")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("albergue", "albergues"),
        ("comedor", "comedores"),
        ("abogada", "abogados"),
        ("refugiado", "refugiadas"),
        ("psicológica", "psicologico"),
    ],
)
def test_a_word_and_its_plural_or_other_gender_give_one_stem(one, other):
    assert terms(one) == terms(other)


def test_filler_words_are_dropped():
    assert terms("donde puedo dormir hoy") == terms("dormir")
    assert terms("necesito un abogado") == terms("abogado")
    assert terms("where can I sleep tonight") == terms("sleep")


def test_acronyms_and_confusable_words_are_kept_whole():
    """A stemmer would read COMAR (the refugee agency) as "comida", and
    "comunidad" as "comunicación"."""
    assert terms("COMAR") == ["comar"]
    assert terms("comar") != terms("comida")
    assert terms("comunidad") != terms("comunicación")
    assert terms("parte") != terms("parto")


def test_text_in_other_scripts_is_kept():
    assert len(terms("ملجأ")) == 1
    assert len(terms("убежище для детей")) == 3


@pytest.mark.parametrize("typed", ['"', "*", "~", "(", "AND", "%", "_", "", "   "])
def test_operators_and_symbols_are_not_syntax(typed):
    assert query_terms(typed) in ([], ["and"])


def test_a_long_query_is_cut():
    typed = "albergue " * 500
    assert len(query_terms(typed)) <= MAX_QUERY_CHARS // len("albergue ") + 1
