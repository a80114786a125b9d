"""The Elasticsearch index: its analysis and mapping, built from the same
lists the database backend uses (:mod:`search.analysis`,
``synonyms.txt``), so both backends read words alike.

The analysers: the standard tokenizer, ``lowercase`` and ``asciifolding``
(case and accents), then, at search time only, the synonym graph (rules
folded like the text, each concept's words equivalent, several words
allowed), then the stop words, the words kept whole (``keyword_marker``)
and Snowball's ``spanish`` stemmer (the one :func:`search.analysis.stem`
uses, not Elasticsearch's default ``light_spanish``).

One document per indexed object (a directory service): ``title`` and
``body`` texts, keyword fields for the facets, a ``geo_point`` per place
that may be placed on a map (none for a confidential one), opening hours as
an integer range per period (week minutes), and the fields that sort and
hide."""

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    GeoPoint,
    Index,
    IntegerRange,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from search.analysis import KEEP_WHOLE, STOP_WORDS, fold
from search.query import FACETS
from search.registry import Document as Indexed
from search.synonyms import thesaurus

INDEX_ANALYZER = "convivir_index"
SEARCH_ANALYZER = "convivir_search"


def _filters():
    stop = token_filter("convivir_stop", "stop", stopwords=sorted(STOP_WORDS))
    keep = token_filter("convivir_keep", "keyword_marker", keywords=sorted(KEEP_WHOLE))
    stemmer = token_filter("convivir_stemmer", "stemmer", language="spanish")
    synonyms = token_filter(
        "convivir_synonyms",
        "synonym_graph",
        synonyms=thesaurus().solr_rules(),
        lenient=True,
    )
    return stop, keep, stemmer, synonyms


def analyzers():
    """The index-time and search-time analysers."""
    stop, keep, stemmer, synonyms = _filters()
    folding = ["lowercase", "asciifolding"]
    index = analyzer(
        INDEX_ANALYZER, tokenizer="standard", filter=[*folding, stop, keep, stemmer]
    )
    search = analyzer(
        SEARCH_ANALYZER,
        tokenizer="standard",
        filter=[*folding, synonyms, stop, keep, stemmer],
    )
    return index, search


_INDEX, _SEARCH = analyzers()


def _text():
    return Text(analyzer=_INDEX, search_analyzer=_SEARCH)


class Entry(Document):
    """An indexed object; facet values are keyword fields named as the
    interface's facets."""

    kind = Keyword()
    key = Keyword()
    sort_name = Keyword()
    title = _text()
    body = _text()
    state = Keyword(multi=True)
    town = Keyword(multi=True)
    type = Keyword(multi=True)
    population = Keyword(multi=True)
    language = Keyword(multi=True)
    location = GeoPoint(multi=True)
    openings = IntegerRange(multi=True)
    always_open = Boolean()
    closed = Boolean()
    checked_at = Date()

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def alias(kind: str, prefix: str = "convivir") -> str:
    """The alias searches read (an index behind it is swapped on rebuild)."""
    return f"{prefix}-{kind.replace('.', '-')}"


def body(kind: str, document: Indexed) -> dict:
    """The source of ``document``, as indexed."""
    source = {
        "kind": kind,
        "key": document.key,
        "sort_name": fold(document.name)[:300],
        "title": " \n".join(text for text in document.title if text),
        "body": " \n".join(text for text in document.body if text),
        "location": [
            {"lat": lat, "lon": lon} for lat, lon in document.places if lat is not None
        ],
        "openings": [{"gte": start, "lt": end} for start, end in document.openings],
        "always_open": document.always_open,
        "closed": document.closed,
        "checked_at": document.checked_at.isoformat() if document.checked_at else None,
    }
    for facet in FACETS:
        source[facet] = list(dict.fromkeys(document.values.get(facet, [])))
    return source


def doc_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def mapping() -> dict:
    """The index's settings and mappings, as sent to Elasticsearch."""
    index = Index("convivir-mapping")
    index.settings(**Entry._index._settings)
    index.document(Entry)
    return index.to_dict()
