"""One list of states, weekdays and languages; each app offers part of the
languages."""

from django.utils import translation

import pytest

from convivir.common.choices import Language, LanguageSet, State, Weekday, labels


def test_a_language_set_keeps_its_order_and_translated_labels():
    spoken = LanguageSet("tzo", "es")
    assert spoken.values == ["tzo", "es"]
    with translation.override("es"):
        assert [str(label) for _code, label in spoken.choices] == ["Tsotsil", "Español"]
    assert labels(spoken, ["es", "xx"]) == [dict(Language.choices)["es"]]


def test_a_language_set_only_takes_known_codes():
    with pytest.raises(ValueError):
        LanguageSet("es", "klingon")


def test_states_and_weekdays():
    assert State.values == ["chiapas", "oaxaca", "tabasco"]
    assert Weekday.MONDAY == 0 and Weekday.SUNDAY == 6
