"""A visitor's words read into what a backend searches for: the corridor's
towns named in them (they narrow the search to the town), small typos
corrected to a word the index holds, and the rest as clauses
(:mod:`search.synonyms`)."""

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from search.analysis import MAX_QUERY_CHARS, query_terms
from search.places import Town, split_towns
from search.synonyms import Clause, thesaurus

# A word is corrected only if it is long enough to have a typo in it, and
# only to a word close enough (difflib's ratio: "albegue" → "albergue").
MIN_CORRECTED_LENGTH = 4
SIMILARITY = 0.8
# An unknown word that is not a typo is read as the start of a word.
MIN_PREFIX_LENGTH = 3


@dataclass
class Reading:
    clauses: list[Clause]
    towns: list[Town] = field(default_factory=list)
    #: Corrected terms: what was typed (as a stem) → what is searched.
    corrected: dict[str, str] = field(default_factory=dict)

    @property
    def has_text(self) -> bool:
        return bool(self.clauses)


def closest(term: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``term`` if it is close enough."""
    found = difflib.get_close_matches(term, list(candidates), n=1, cutoff=SIMILARITY)
    return found[0] if found else None


def read(text: str, suggest: Callable[[str], list[str]]) -> Reading:
    """Read ``text``. ``suggest(term)`` gives the index's words that may be
    what was meant (the term itself if the index holds it): words of a
    similar length, or a trigram index's nearest ones. One call per word
    that is not a concept's, whatever the index holds."""
    towns, rest = split_towns(text[:MAX_QUERY_CHARS])
    found = query_terms(rest)
    concepts = thesaurus().stems
    corrected, prefixes = {}, set()
    for term in dict.fromkeys(term for term in found if term not in concepts):
        candidates = suggest(term)
        if term in candidates:
            continue
        better = None
        if len(term) >= MIN_CORRECTED_LENGTH:
            better = closest(term, concepts) or closest(term, candidates)
        if better:
            corrected[term] = better
        elif len(term) >= MIN_PREFIX_LENGTH:
            prefixes.add(term)
    found = [corrected.get(term, term) for term in found]
    clauses = [
        replace(clause, prefix=True)
        if clause.concept is None and clause.text in prefixes
        else clause
        for clause in thesaurus().read_terms(found)
    ]
    return Reading(clauses, towns, corrected)
