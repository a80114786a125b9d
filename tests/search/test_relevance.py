"""The relevance suite: what people type (Spanish and English, without
accents, plurals, everyday words, town names, typos, filler words, with
and without filters), each with the entries that must be among the first
three and those that must not appear at all, on the fixed corpus of
:mod:`tests.search.corpus`. It runs on the database the suite runs on
(SQLite by default, PostgreSQL in CI)."""

import pytest

from directory.models.services import SERVICES_KIND
from search import engine
from search.query import Query
from tests.search import corpus
from tests.search.conftest import assert_ranked, names

BELEN = "Albergue Belén"
PASTOR = "Albergue Jesús el Buen Pastor"
IXTEPEC = "Casa del Migrante Hermanos en el Camino"
LA72 = "Albergue La 72"
ARCOIRIS = "Casa Arcoíris"
SAN_JOSE = "Comedor San José"
ESPERANZA = "Comedor La Esperanza"
DEFENSORIA = "Defensoría Migrante"
COMAR = "Oficina de la COMAR en Tapachula"
HUIXTLA = "Centro de Salud Huixtla"
CLINICA = "Clínica móvil de Palenque"
ESCUCHA = "Espacio de escucha"
VIOLETA = "Refugio Violeta"
DIF = "Procuraduría de Protección de Niñas, Niños y Adolescentes"
TRATA = "Centro de atención a víctimas de trata"
TRABAJO = "Bolsa de trabajo Integración"
ESCUELA = "Escuela sin fronteras"
TRANSPORTE = "Transporte humanitario del Istmo"
ROPERO = "Ropero comunitario"
CARGA = "Punto de carga y llamadas"
DOCUMENTOS = "Oficina de documentos e identidad"

# (what is typed, filters, must be in the first three, must not appear)
CASES = [
    # The examples people give, as they type them.
    ("donde puedo dormir hoy", {}, [BELEN], [SAN_JOSE, DEFENSORIA, COMAR]),
    ("abogada para asilo", {}, [DEFENSORIA], [SAN_JOSE, BELEN]),
    ("atencion psicologica para niños", {}, [ESCUCHA], [SAN_JOSE, TRANSPORTE]),
    ("comedor cerca de la estacion", {}, [SAN_JOSE], [DEFENSORIA, BELEN]),
    ("where can I sleep", {}, [BELEN], [SAN_JOSE, DEFENSORIA]),
    # Plurals, case and accents.
    ("albergues", {}, [BELEN, PASTOR], [SAN_JOSE, DEFENSORIA]),
    ("ALBERGUE", {}, [BELEN], [SAN_JOSE]),
    ("atención médica", {}, [CLINICA], [SAN_JOSE, DEFENSORIA]),
    ("atencion medica", {}, [CLINICA], [SAN_JOSE, DEFENSORIA]),
    ("psicólogos", {}, [ESCUCHA], [BELEN]),
    ("comedores", {}, [SAN_JOSE, ESPERANZA], [DEFENSORIA]),
    # Everyday words reaching the services' words.
    ("doctor", {}, [HUIXTLA, CLINICA], [SAN_JOSE, BELEN]),
    ("tengo hambre", {}, [SAN_JOSE, ESPERANZA], [COMAR, DEFENSORIA]),
    ("abogado", {}, [DEFENSORIA], [BELEN, SAN_JOSE]),
    ("refugiados", {}, [COMAR], [SAN_JOSE, ROPERO]),
    ("niños solos", {}, [DIF], [SAN_JOSE, TRABAJO]),
    ("violencia de genero", {}, [VIOLETA], [SAN_JOSE, TRABAJO]),
    ("trata de personas", {}, [TRATA], [SAN_JOSE, BELEN]),
    ("gay", {}, [ARCOIRIS], [SAN_JOSE, DEFENSORIA]),
    ("chamba", {}, [TRABAJO], [BELEN, SAN_JOSE]),
    ("escuela para mis hijos", {}, [ESCUELA], [SAN_JOSE, DEFENSORIA]),
    ("ropa y zapatos", {}, [ROPERO], [DEFENSORIA, COMAR]),
    ("bañarme", {}, [ROPERO], [DEFENSORIA, COMAR]),
    ("cargar celular", {}, [CARGA], [BELEN, DEFENSORIA]),
    ("papeles", {}, [DOCUMENTOS], [BELEN, SAN_JOSE]),
    ("curp", {}, [DOCUMENTOS], [BELEN, SAN_JOSE]),
    ("raite", {}, [TRANSPORTE], [BELEN, DEFENSORIA]),
    ("casa del migrante", {}, [IXTEPEC], [DEFENSORIA, SAN_JOSE]),
    ("la 72", {}, [LA72], [SAN_JOSE]),
    # Acronyms stay themselves ("comar" is not "comida").
    ("comar", {}, [COMAR], [SAN_JOSE, ESPERANZA]),
    ("DIF", {}, [DIF], [SAN_JOSE]),
    # English finds Spanish entries.
    ("shelter", {}, [BELEN], [SAN_JOSE, DEFENSORIA]),
    ("lawyer", {}, [DEFENSORIA], [BELEN, SAN_JOSE]),
    ("food", {}, [SAN_JOSE, ESPERANZA], [DEFENSORIA, COMAR]),
    ("asylum", {}, [COMAR], [SAN_JOSE, ROPERO]),
    ("job", {}, [TRABAJO], [BELEN, SAN_JOSE]),
    ("mental health", {}, [ESCUCHA], [SAN_JOSE, DEFENSORIA]),
    ("shelter for women", {}, [VIOLETA], [SAN_JOSE, DEFENSORIA]),
    ("soup kitchen", {}, [ESPERANZA, SAN_JOSE], [DEFENSORIA]),
    # Town names narrow to the town, accents and long names optional.
    ("albergue en tapachula", {}, [BELEN, PASTOR], [IXTEPEC, LA72]),
    ("albergue ixtepec", {}, [IXTEPEC], [BELEN, LA72]),
    ("medico en huixtla", {}, [HUIXTLA], [CLINICA]),
    ("comida arriaga", {}, [ESPERANZA], [SAN_JOSE]),
    ("legal aid in tapachula", {}, [DEFENSORIA], [LA72]),
    ("apoyo psicosocial tenosique", {}, [ESCUCHA], [CLINICA]),
    # Small typos are forgiven.
    ("albegue", {}, [BELEN], [SAN_JOSE, DEFENSORIA]),
    ("sicologo", {}, [ESCUCHA], [SAN_JOSE]),
    ("asesoria juridca", {}, [DEFENSORIA], [SAN_JOSE]),
    ("comdor", {}, [SAN_JOSE, ESPERANZA], [DEFENSORIA]),
    # Filler words do not hurt.
    ("necesito por favor un albergue urgente", {}, [BELEN], [SAN_JOSE]),
    ("busco donde hay comida", {}, [SAN_JOSE, ESPERANZA], [DEFENSORIA]),
    # With filters.
    ("albergue", {"state": ["oaxaca"]}, [IXTEPEC], [BELEN, LA72]),
    ("comida", {"town": ["arriaga"]}, [ESPERANZA], [SAN_JOSE]),
    ("albergue", {"population": ["lgbtiq"]}, [ARCOIRIS], [BELEN, PASTOR]),
    ("", {"type": ["health"]}, [HUIXTLA, CLINICA], [SAN_JOSE, BELEN]),
]


@pytest.mark.parametrize(
    ("text", "filters", "top", "absent"),
    CASES,
    ids=[
        f"{case[0] or '(empty)'}{'+' + ','.join(case[1]) if case[1] else ''}"
        for case in CASES
    ],
)
def test_relevance(services, db, text, filters, top, absent):
    results = engine.search(
        SERVICES_KIND, Query(text=text, filters=filters, per_page=50)
    )
    assert_ranked(names(services, results.hits), top, absent)


def test_the_suite_is_large_enough():
    assert len(CASES) >= 40


def test_filler_words_alone_list_everything(services, db):
    everything = engine.search(SERVICES_KIND, Query(per_page=50))
    filler = engine.search(
        SERVICES_KIND, Query(text="necesito ayuda por favor", per_page=50)
    )
    assert filler.total == everything.total == len(corpus.SERVICES)
