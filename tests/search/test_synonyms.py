"""The domain's synonyms file: its concepts cover every service type and
population, in both languages, and a query is read into them."""

import pytest

from directory.models import TaxonomyTerm
from search.analysis import terms, words
from search.synonyms import Concept, SynonymsError, Thesaurus, parse, thesaurus


def test_the_file_has_thirty_concepts_in_both_languages():
    concepts = thesaurus().concepts.values()
    assert len(concepts) >= 30
    for concept in concepts:
        assert concept.spanish and concept.english, concept.key


@pytest.mark.django_db
def test_every_service_type_and_population_has_its_concept():
    """The keys are the taxonomy's codes (seeded by a migration)."""
    codes = set(TaxonomyTerm.objects.values_list("code", flat=True))
    assert len(codes) >= 20
    assert codes - set(thesaurus().concepts) == set()


@pytest.mark.django_db
def test_each_term_name_finds_its_own_concept():
    """What an entry is tagged with, in either language, is in its group."""
    for term in TaxonomyTerm.objects.all():
        for name in (term.name_es, term.name_en):
            keys = {
                clause.concept.key
                for clause in thesaurus().read(name)
                if clause.concept
            }
            assert term.code in keys, (term.code, name, keys)


def test_no_word_belongs_to_two_concepts():
    """Each word (as its stems) widens a query one way only: a file where
    two concepts share one is refused."""
    with pytest.raises(SynonymsError, match="'alberg' is in shelter and food"):
        Thesaurus(
            [
                Concept("shelter", ("albergue",), ("shelter",)),
                Concept("food", ("albergues",), ("food",)),
            ]
        )


def test_a_phrase_never_shrinks_to_a_word_of_another_meaning():
    """Without its stop words a phrase may come down to one stem ("place to
    sleep" → "sleep") only when that word alone means the same: the concept
    lists it too. ("no acompañados" must not become "acompañamiento".)"""
    for concept in thesaurus().concepts.values():
        alone = {tuple(terms(word)) for word in concept.words if len(words(word)) == 1}
        for word in concept.words:
            form = tuple(terms(word))
            if len(words(word)) > 1 and len(form) == 1:
                assert form in alone, (concept.key, word)


@pytest.mark.parametrize(
    "everyday",
    [
        "vivo en la calle",
        "comunidad",
        "de parte de",
        "señor",
        "mano",
        "mayo",
        "pos",
        "donde queda",
        "trato digno",
        "help her",
        "mayor de edad",
        "acompañamiento",
        "mamá",
        "chico",
        "padre",
        "cura",
        "estancia",
        "oficio",
        "permite",
        "casa",
        "centro",
    ],
)
def test_everyday_words_mean_no_concept(everyday):
    """Words whose stem looks like a service's word stay plain words."""
    assert [c.concept for c in thesaurus().read(everyday) if c.concept] == []


@pytest.mark.parametrize(
    ("typed", "concepts", "plain"),
    [
        ("donde puedo dormir hoy", ["shelter"], []),
        ("where can I sleep", ["shelter"], []),
        ("Casa del Migrante", ["shelter"], []),
        ("abogada para asilo", ["legal_aid", "asylum"], []),
        ("atencion psicologica para niños", ["mental_health", "child_protection"], []),
        ("comedor cerca de la estacion", ["food"], ["estacion"]),
        ("doctor", ["health"], []),
        ("shelter", ["shelter"], []),
        ("ALBERGUES", ["shelter"], []),
        ("shelters for families", ["shelter", "families"], []),
        ("lawyers", ["legal_aid"], []),
        ("centro de salud mental", ["mental_health"], []),
        ("refugio para mujeres", ["gbv_protection"], []),
        ("asilo de ancianos", ["older_people"], []),
        ("asilo en la COMAR", ["asylum"], []),
        ("urgencias", ["health"], []),
        ("ocupo un doctor", ["health"], []),
        ("viajo con mis hijos", ["families"], ["viaj"]),
        ("ropa para bebé", ["hygiene", "families"], []),
        ("trata de personas", ["trafficking"], []),
        ("me van a tratar bien", [], ["van", "trat", "bien"]),
    ],
)
def test_a_query_is_read_into_concepts(typed, concepts, plain):
    clauses = thesaurus().read(typed)
    assert [clause.concept.key for clause in clauses if clause.concept] == concepts
    assert [clause.text for clause in clauses if not clause.concept] == plain


def test_a_concept_matches_by_any_of_its_words():
    (clause,) = thesaurus().read("dormir")
    assert ("alberg",) in clause.forms
    assert ("cas", "migrant") in clause.forms


def test_elasticsearch_rules_are_one_line_per_concept():
    rules = thesaurus().solr_rules()
    assert len(rules) == len(thesaurus().concepts)
    assert any(rule.startswith("albergue, casa del migrante") for rule in rules)
    assert all("|" not in rule and ":" not in rule for rule in rules)


@pytest.mark.parametrize(
    "line", ["no colon here", "key: no bar", "two words: a | b", "x: a | b\nx: c | d"]
)
def test_a_malformed_file_is_refused_with_its_line(line):
    with pytest.raises(SynonymsError, match="line"):
        parse(line)
