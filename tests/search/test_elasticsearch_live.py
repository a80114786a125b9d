"""The relevance suite against a real Elasticsearch server: skipped
unless ``ELASTICSEARCH_URL`` is set (``make test`` with it set runs it;
see the README). The corpus is indexed into a fresh index behind the
alias, the same cases as on the databases are asked."""

import os

import pytest

from directory.models.services import SERVICES_KIND
from search.elastic import ElasticsearchBackend
from search.query import Query
from tests.search.conftest import assert_ranked, names
from tests.search.test_relevance import CASES

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL"
    ),
]


@pytest.fixture(scope="module")
def elastic(services, django_db_blocker):
    backend = ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"])
    with django_db_blocker.unblock():
        keys = [str(service.pk) for service in services.values()]
        backend.rebuild(SERVICES_KIND, keys, lambda n: None)
    return backend


@pytest.mark.parametrize(("text", "filters", "top", "absent"), CASES)
def test_relevance_on_elasticsearch(elastic, services, db, text, filters, top, absent):
    results = elastic.search(
        SERVICES_KIND, Query(text=text, filters=filters, per_page=50)
    )
    assert_ranked(names(services, results.hits), top, absent)
