"""How text is read for searching, the same way for the entries and for what
people type, in every backend: case and accents do not matter, filler
words ("necesito", "donde", "hay", "where can I") are dropped and each word
is cut to its Spanish stem (Snowball's Spanish stemmer, the one PostgreSQL's
``spanish`` configuration uses), so "albergues" finds "albergue".

The stop words and the words kept whole are listed here once: the database
backend applies them in Python; the Elasticsearch analyser must get the same
lists (a ``stop`` and a ``keyword_marker`` filter) and the ``spanish``
(Snowball) stemmer, not its default ``light_spanish``, or the two backends
would cut words differently."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Longer input is cut: nobody types more, and the analysis stays cheap.
MAX_QUERY_CHARS = 200


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Spanish and English function words, and the words people put around what
# they need ("necesito", "busco", "donde hay", "where can I"), folded.
STOP_WORDS = _listed(
    """
    a al algo algun alguna alguno ante aqui asi cerca como con contra cual
    cuando de del desde donde el ella ellas ellos en entre era es esa ese
    esta estan este esto estoy ha hay hoy la las le les lo los mas me mi mis
    muy ni no nos o otra otro para pero poco por porque puede pueden puedo
    que quien se sea ser si sin sobre son su sus tambien te tengo tiene
    tienen todo tu un una uno unos unas y ya yo
    necesito necesitamos necesita busco buscamos buscando quiero queremos
    ayuda ayudar ayudan favor urgente dar dan den conseguir encontrar
    soy somos estamos tenemos podemos quisiera ocupo ocupamos
    lugar lugares sitio alguien gente persona personas
    the an and or of in on at to for from with by near is are am be i we you
    my our me us it this that there here where what which who how can could
    need needs want looking find get some any please help today now tonight
    place places somewhere someone people
    """
)

# Words kept whole: acronyms of institutions and documents, which a stemmer
# would cut into everyday words ("comar" and "comida" both give "com"), and
# everyday words whose stem is a service's word ("comunidad" and
# "comunicacion" both give "comun", "parte" and "parto" "part"; "trata",
# trafficking, stays apart from "tratar").
KEEP_WHOLE = _listed(
    """
    comar inm dif cndh cedh curp tvrh fmm nna lgbt lgbti lgbtiq lgbtq acnur oim
    unicef unhcr vih
    comun comunes comunidad comunidades parte partes trata trato tratos
    """
)

# Letters and digits of any script (Arabic, Cyrillic… are kept, not dropped).
_WORD = re.compile(r"[^\W_]+")
_STEMMER = snowballstemmer.stemmer("spanish")


def fold(text: str) -> str:
    """Lower case without accents ("Atención" → "atencion", "niño" → "nino"),
    as Elasticsearch's lowercase and asciifolding filters and PostgreSQL's
    unaccent give it."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits), stop words
    included."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """A folded word's Spanish stem (the word itself if it is kept whole)."""
    return word if word in KEEP_WHOLE else _STEMMER.stemWord(word)


def terms(text: str, *, keep_stop_words: bool = False) -> list[str]:
    """The stems ``text`` is searched by, in order."""
    return [
        stem(word) for word in words(text) if keep_stop_words or word not in STOP_WORDS
    ]


def query_terms(text: str) -> list[str]:
    """What a visitor typed, read as search terms: cut to
    :data:`MAX_QUERY_CHARS`, operators and punctuation (``"``, ``*``,
    ``AND``…) are plain text, never syntax."""
    return terms(text[:MAX_QUERY_CHARS])
