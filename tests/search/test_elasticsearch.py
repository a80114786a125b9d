"""The Elasticsearch backend without a server: the index's analysis and
mapping (from the same lists and synonyms file as the database backend),
the request body for each kind of search, the reading of an answer, and the
rebuild's alias swap. ``test_elasticsearch_live.py`` runs the relevance
suite against a real server when ``ELASTICSEARCH_URL`` is set."""

from datetime import UTC, datetime

import pytest

from search import elastic_query
from search.analysis import KEEP_WHOLE, STOP_WORDS
from search.elastic import ElasticsearchBackend
from search.elastic_index import alias, body, mapping
from search.places import town_named
from search.query import DISTANCE, Query
from search.registry import Document, Kind, register
from search.synonyms import thesaurus

NOW = datetime(2026, 12, 2, 16, 30, tzinfo=UTC)  # Wednesday 10:30 in Mexico City
KIND = "directory.service"


def test_the_analysers_use_the_shared_lists_and_the_synonyms_file():
    settings = mapping()["settings"]["analysis"]
    filters = settings["filter"]
    assert filters["convivir_stop"] == {"type": "stop", "stopwords": sorted(STOP_WORDS)}
    assert filters["convivir_keep"]["keywords"] == sorted(KEEP_WHOLE)
    # Snowball Spanish, as the database backend's stems; not light_spanish.
    assert filters["convivir_stemmer"] == {"type": "stemmer", "language": "spanish"}
    synonyms = filters["convivir_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert synonyms["synonyms"] == thesaurus().solr_rules()
    assert any(
        rule.startswith("albergue, casa del migrante") for rule in synonyms["synonyms"]
    )
    analyzers = settings["analyzer"]
    assert analyzers["convivir_index"]["filter"] == [
        "lowercase",
        "asciifolding",
        "convivir_stop",
        "convivir_keep",
        "convivir_stemmer",
    ]
    # Synonyms at search time, before stop words ("casa del migrante").
    assert analyzers["convivir_search"]["filter"] == [
        "lowercase",
        "asciifolding",
        "convivir_synonyms",
        "convivir_stop",
        "convivir_keep",
        "convivir_stemmer",
    ]


def test_the_mapping_has_texts_facets_a_geo_point_and_opening_ranges():
    properties = mapping()["mappings"]["properties"]
    for text in ("title", "body"):
        assert properties[text] == {
            "type": "text",
            "analyzer": "convivir_index",
            "search_analyzer": "convivir_search",
        }
    for facet in ("state", "town", "type", "population", "language", "kind", "key"):
        assert properties[facet] == {"type": "keyword"}
    assert properties["location"] == {"type": "geo_point"}
    assert properties["openings"] == {"type": "integer_range"}
    assert properties["checked_at"] == {"type": "date"}


def test_a_confidential_place_is_indexed_without_a_position():
    document = Document(
        key="k1",
        name="Refugio Violeta",
        title=["Refugio Violeta"],
        body=["Mujeres"],
        values={"town": ["villahermosa"], "type": ["gbv_protection"]},
        places=[(None, None), (17.98, -92.94)],
        openings=[(540, 1020)],
    )
    source = body(KIND, document)
    assert source["location"] == [{"lat": 17.98, "lon": -92.94}]
    assert source["openings"] == [{"gte": 540, "lt": 1020}]
    assert source["town"] == ["villahermosa"] and source["state"] == []
    only_confidential = Document(
        key="k2", name="x", title=[], body=[], places=[(None, None)]
    )
    assert body(KIND, only_confidential)["location"] == []


def _body(query, **kwargs):
    backend = ElasticsearchBackend(client=object())
    reading, text = backend.read(query.text)
    return elastic_query.request_body(
        KIND, query, reading, text, now=NOW, **kwargs
    ), text


def test_words_are_matched_with_synonyms_and_with_typos_title_first():
    request, text = _body(Query(text="albergue en tapachula"))
    assert text == "albergue en"
    scored = request["query"]["function_score"]
    (words,) = scored["query"]["bool"]["must"]
    synonyms, typos = words["bool"]["should"]
    assert synonyms["multi_match"] == {
        "query": "albergue en",
        "fields": ["title^3", "body"],
        "operator": "and",
        "zero_terms_query": "all",
    }
    assert typos["multi_match"]["fuzziness"] == "AUTO"
    assert typos["multi_match"]["analyzer"] == "convivir_index"
    # The town named in the words narrows like the town filter.
    assert request["post_filter"] == {
        "bool": {"filter": [{"terms": {"town": ["tapachula", "tapachula-de-cordova"]}}]}
    }
    assert request["sort"] == ["_score", {"sort_name": "asc"}, {"key": "asc"}]
    assert {"term": {"kind": KIND}} in scored["query"]["bool"]["filter"]
    # Open now and recently verified weigh in the score.
    assert [f.get("weight") for f in scored["functions"]] == [1.2, 0.5]
    assert "gauss" in scored["functions"][1]


def test_filler_words_alone_match_everything():
    request, _text = _body(Query(text="necesito ayuda"))
    assert request["query"]["function_score"]["query"]["bool"]["must"] == [
        {"match_all": {}}
    ]


def test_each_facet_is_counted_under_the_other_facets_choices():
    request, _ = _body(Query(filters={"type": ["shelter"], "state": ["chiapas"]}))
    assert request["post_filter"]["bool"]["filter"] == [
        {"terms": {"state": ["chiapas"]}},
        {"terms": {"type": ["shelter"]}},
    ]
    aggs = request["aggs"]
    assert aggs["type"]["filter"] == {
        "bool": {"filter": [{"terms": {"state": ["chiapas"]}}]}
    }
    assert aggs["state"]["filter"] == {
        "bool": {"filter": [{"terms": {"type": ["shelter"]}}]}
    }
    assert aggs["town"]["aggs"]["values"]["terms"]["field"] == "town"
    assert request["track_total_hits"] is True


def test_near_a_point_filters_by_radius_and_sorts_by_distance():
    town = town_named("Huixtla")
    request, _ = _body(
        Query(near=(town.latitude, town.longitude), radius_km=10, sort=DISTANCE)
    )
    filters = request["query"]["function_score"]["query"]["bool"]["filter"]
    assert {
        "geo_distance": {
            "distance": "10km",
            "location": {"lat": town.latitude, "lon": town.longitude},
        }
    } in filters
    assert request["sort"][0] == {
        "_geo_distance": {
            "location": {"lat": town.latitude, "lon": town.longitude},
            "order": "asc",
            "unit": "km",
            "distance_type": "arc",
        }
    }


def test_open_now_reads_the_week_minute_in_mexico_city():
    request, _ = _body(Query(open_now=True))
    filters = request["query"]["function_score"]["query"]["bool"]["filter"]
    minute = 2 * 1440 + 10 * 60 + 30  # Wednesday 10:30
    assert {
        "bool": {
            "should": [
                {"term": {"always_open": True}},
                {"term": {"openings": minute}},
                {"term": {"openings": minute + 7 * 1440}},
            ],
            "minimum_should_match": 1,
            "must_not": [{"term": {"closed": True}}],
        }
    } in filters


def test_hidden_entries_and_pages():
    hidden = datetime(2025, 12, 2, tzinfo=UTC)
    request, _ = _body(Query(page=3, per_page=20), hidden_before=hidden)
    filters = request["query"]["function_score"]["query"]["bool"]["filter"]
    assert {"range": {"checked_at": {"gte": hidden.isoformat()}}} in filters
    assert (request["from"], request["size"]) == (40, 20)


class Recorder:
    """Elasticsearch's client as far as the backend uses it: answers given
    in advance, calls written down."""

    def __init__(self, answers=()):
        self.calls, self.answers = [], list(answers)
        self.indices = self

    def __getattr__(self, name):
        def call(**kwargs):
            self.calls.append((name, kwargs))
            return Answer(self.answers.pop(0) if self.answers else {})

        return call


class Answer:
    def __init__(self, body):
        self.body = body

    def __bool__(self):
        return bool(self.body)


def test_an_answer_becomes_results_with_distances_and_facets(monkeypatch):
    register(Kind(KIND, lambda keys: [], lambda: [], lambda: None))
    tapachula = town_named("Tapachula")
    answer = {
        "hits": {
            "total": {"value": 2},
            "hits": [
                {"_source": {"key": "a"}, "_score": None, "sort": [0.4, 3.1, "a"]},
                {"_source": {"key": "b"}, "_score": None, "sort": [27.04, 2.0, "b"]},
            ],
        },
        "aggregations": {
            "type": {
                "doc_count": 2,
                "values": {
                    "buckets": [
                        {"key": "shelter", "doc_count": 2},
                        {"key": "food", "doc_count": 1},
                    ]
                },
            }
        },
    }
    client = Recorder([answer])
    results = ElasticsearchBackend(client=client).search(
        KIND,
        Query(near=(tapachula.latitude, tapachula.longitude), sort=DISTANCE),
        now=NOW,
    )
    assert [(hit.key, hit.distance_km) for hit in results.hits] == [
        ("a", 0.4),
        ("b", 27.0),
    ]
    assert results.total == 2 and results.facets["type"] == {"shelter": 2, "food": 1}
    ((name, kwargs),) = client.calls
    assert name == "search" and kwargs["index"] == alias(KIND)


def test_a_rebuild_fills_a_new_index_and_swaps_the_alias(monkeypatch):
    docs = [Document(key="a", name="A", title=["A"], body=[])]
    register(Kind(KIND, lambda keys: [d for d in docs if d.key in keys], lambda: ["a"]))
    bulk = []
    monkeypatch.setattr(
        "search.elastic.helpers.bulk",
        lambda client, actions, **kw: bulk.extend(actions),
    )
    client = Recorder([{}, {}, True, {"convivir-directory-service-old": {}}, {}, {}])
    written = ElasticsearchBackend(client=client).rebuild(KIND, ["a"], lambda n: None)
    assert written == 1
    names = [name for name, _ in client.calls]
    assert names == [
        "create",
        "refresh",
        "exists_alias",
        "get_alias",
        "update_aliases",
        "delete",
    ]
    new = client.calls[0][1]["index"]
    assert new.startswith("convivir-directory-service-")
    assert client.calls[4][1]["body"] == {
        "actions": [
            {
                "remove": {
                    "index": "convivir-directory-service-old",
                    "alias": "convivir-directory-service",
                }
            },
            {"add": {"index": new, "alias": "convivir-directory-service"}},
        ]
    }
    assert client.calls[5][1] == {"index": "convivir-directory-service-old"}
    assert bulk[0]["_index"] == new and bulk[0]["_id"] == f"{KIND}:a"


@pytest.fixture(autouse=True)
def _keep_the_registry():
    from search import registry

    saved = dict(registry._KINDS)
    yield
    registry._KINDS.clear()
    registry._KINDS.update(saved)


def test_the_route_asks_near_each_town_in_order(monkeypatch):
    from search import engine

    register(Kind(KIND, lambda keys: [], lambda: [], lambda: None))
    empty = {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {}}
    client = Recorder([empty, empty, empty])
    monkeypatch.setattr(engine, "backend", lambda: ElasticsearchBackend(client=client))
    towns = [town_named(name) for name in ("Tenosique", "Palenque", "Villahermosa")]
    stops = engine.route(KIND, Query(text="comida", radius_km=15), towns)
    assert [stop.town.name for stop in stops] == [
        "Tenosique",
        "Palenque",
        "Villahermosa",
    ]
    points = []
    for _name, kwargs in client.calls:
        filters = kwargs["body"]["query"]["function_score"]["query"]["bool"]["filter"]
        (geo,) = [f["geo_distance"] for f in filters if "geo_distance" in f]
        assert geo["distance"] == "15km"
        points.append((geo["location"]["lat"], geo["location"]["lon"]))
    assert points == [(t.latitude, t.longitude) for t in towns]
