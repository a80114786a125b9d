"""The domain's synonyms file: its concepts cover every service type and
population, in both languages, and a query is read into them."""

import pytest

from directory.models import TaxonomyTerm
from search.synonyms import SynonymsError, parse, thesaurus


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
    """Each word (as its stems) widens a query one way only."""
    book = thesaurus()
    for concept in book.concepts.values():
        for form in concept.forms:
            assert book.owners(form) == [concept.key], form


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
        ("trámites en la COMAR", ["legal_aid", "asylum"], []),
        ("ALBERGUES", ["shelter"], []),
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
