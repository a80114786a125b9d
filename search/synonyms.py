"""The domain's synonyms (``synonyms.txt``): what people call what they
need, in Spanish and English, grouped into concepts. A query is read into
:class:`Clause` s: a concept wherever its words occur (the longest match
first: "casa del migrante" is one concept, not three words), otherwise a
plain term; a backend matches a concept by any of its words."""

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from search.analysis import fold, query_terms, terms

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")
CONCEPT_PREFIX = "qq"


class SynonymsError(ValueError):
    """A line of the synonyms file that does not say "key: words | words"."""


@dataclass(frozen=True)
class Concept:
    """One line of the file: its key and its words in each language."""

    key: str
    spanish: tuple[str, ...]
    english: tuple[str, ...]

    @property
    def token(self) -> str:
        """The one word an index may store for "this text speaks of the
        concept" (letters only, like any analysed word; no Spanish or
        English word starts with "qq")."""
        return CONCEPT_PREFIX + self.key.replace("_", "")

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.spanish + self.english))

    @cached_property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        """Each word as the stems it is searched by, without repeats; an
        English word also in its plural (the Spanish stemmer keeps the "s"
        of "shelters")."""
        english_plurals = tuple(
            word if word.endswith("s") else f"{word}s" for word in self.english
        )
        forms = (tuple(terms(word)) for word in self.words + english_plurals)
        return tuple(dict.fromkeys(form for form in forms if form))


@dataclass(frozen=True)
class Clause:
    """A part of a query: a concept (any of its forms matches) or one plain
    term (``concept`` None)."""

    text: str
    concept: Concept | None = None
    #: A word the index does not hold, matched as the start of a word
    #: ("albe" → "albergue").
    prefix: bool = False

    @property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        return self.concept.forms if self.concept else ((self.text,),)


def parse(text: str) -> list[Concept]:
    """The concepts of a synonyms file's text."""
    concepts, keys = [], set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, colon, rest = line.partition(":")
        spanish, bar, english = rest.partition("|")
        key = key.strip()
        if not (colon and bar and key.isidentifier()) or key in keys:
            raise SynonymsError(f"line {number}: {raw!r}")
        concepts.append(Concept(key, _words(spanish), _words(english)))
        keys.add(key)
    return concepts


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(word).strip() for word in text.split(",") if word.strip())


class Thesaurus:
    """The concepts, looked up by the stems of their words."""

    def __init__(self, concepts: list[Concept]):
        self.concepts = {concept.key: concept for concept in concepts}
        self._by_form: dict[tuple[str, ...], Concept] = {}
        for concept in concepts:
            for form in concept.forms:
                other = self._by_form.setdefault(form, concept)
                if other is not concept:
                    raise SynonymsError(
                        f"{' '.join(form)!r} is in {other.key} and {concept.key}"
                    )
        self._longest = max((len(form) for form in self._by_form), default=1)

    def read(self, text: str) -> list[Clause]:
        """What a visitor typed, as clauses in order."""
        return self.read_terms(query_terms(text))

    @cached_property
    def stems(self) -> frozenset[str]:
        """Every stem of every concept's words."""
        return frozenset(stem for form in self._by_form for stem in form)

    def read_terms(self, found: list[str]) -> list[Clause]:
        """Analysed terms (:func:`~search.analysis.query_terms`) as clauses."""
        clauses, at = [], 0
        while at < len(found):
            for size in range(min(self._longest, len(found) - at), 0, -1):
                form = tuple(found[at : at + size])
                concept = self._by_form.get(form)
                if concept is not None:
                    if not any(clause.concept == concept for clause in clauses):
                        clauses.append(Clause(" ".join(form), concept))
                    at += size
                    break
            else:
                if not any(clause.text == found[at] for clause in clauses):
                    clauses.append(Clause(found[at]))
                at += 1
        return clauses

    def concepts_in(self, stems: list[str]) -> list[Concept]:
        """The concepts an analysed text speaks of, in order."""
        return [clause.concept for clause in self.read_terms(stems) if clause.concept]

    def solr_rules(self) -> list[str]:
        """The concepts as equivalence rules ("a, b, c") in the format of
        Elasticsearch's synonym filters, folded like the analysed text."""
        return [", ".join(concept.words) for concept in self.concepts.values()]


@cache
def thesaurus() -> Thesaurus:
    """The project's synonyms, read once."""
    return Thesaurus(parse(SYNONYMS_FILE.read_text(encoding="utf-8")))
