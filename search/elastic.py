"""The Elasticsearch backend (when ``ELASTICSEARCH_URL`` is set): the same
interface as :mod:`search.database`, on the index of
:mod:`search.elastic_index`, with the requests of
:mod:`search.elastic_query`. Searches read an alias; ``rebuild`` fills a
new index and swaps the alias to it in one call (no downtime), then drops
the old index. Writes are sent by a django-tasks task
(:func:`search.tasks.index_keys`), so a save never waits on the cluster."""

from collections.abc import Callable
from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone

from elasticsearch import Elasticsearch, helpers

from search import elastic_query
from search.elastic_index import alias, body, doc_id, mapping
from search.places import split_towns
from search.query import Query, Results
from search.reading import Reading
from search.registry import Document
from search.registry import kind as kind_named
from search.synonyms import thesaurus

CHUNK = 500


class ElasticsearchBackend:
    #: Writes go through a task (see :func:`search.indexing.reindex`).
    deferred_writes = True

    def __init__(self, url: str | None = None, client=None):
        self.client = client or Elasticsearch(url or settings.ELASTICSEARCH_URL)

    # -- Reading --

    @staticmethod
    def read(text: str) -> tuple[Reading, str]:
        """The towns named and the clauses (for the page), and the words
        to send (the analyser does the rest, fuzziness the typos)."""
        towns, rest = split_towns(text)
        return Reading(thesaurus().read(rest), towns), rest

    def _request(self, kind, query, reading, text, every, now, page=None):
        return elastic_query.request_body(
            kind,
            query,
            reading,
            text,
            every=every,
            now=now,
            hidden_before=kind_named(kind).hidden_before(),
            page=page,
        )

    def search(self, kind: str, query: Query, now=None) -> Results:
        now = now or timezone.now()
        reading, text = self.read(query.text)
        every = True
        response = self._send(
            kind, self._request(kind, query, reading, text, every, now)
        )
        if not response["hits"]["total"]["value"] and len(reading.clauses) > 1:
            every = False
            body = self._request(kind, query, reading, text, every, now)
            response = self._send(kind, body)
        total = response["hits"]["total"]["value"]
        pages = max(1, -(-total // query.per_page))
        page = min(query.page, pages)
        if page != query.page:
            body = self._request(kind, query, reading, text, every, now, page=page)
            response = self._send(kind, body)
        return elastic_query.results(response, query, reading, page, not every)

    def ranked_keys(self, kind: str, query: Query, limit: int) -> list[str]:
        reading, text = self.read(query.text)
        for every in (True, False):
            body = elastic_query.keys_body(
                kind,
                query,
                reading,
                text,
                every=every,
                now=timezone.now(),
                hidden_before=kind_named(kind).hidden_before(),
                limit=limit,
            )
            keys = [
                hit["_source"]["key"] for hit in self._send(kind, body)["hits"]["hits"]
            ]
            if keys or len(reading.clauses) < 2:
                return keys
        return []

    def _send(self, kind: str, request: dict) -> dict:
        return self.client.search(index=alias(kind), body=request).body

    # -- Writing --

    def _actions(self, kind, index, keys, documents):
        written = {document.key for document in documents}
        for key in keys:
            if key not in written:
                yield {"_op_type": "delete", "_index": index, "_id": doc_id(kind, key)}
        for document in documents:
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": doc_id(kind, document.key),
                "_source": body(kind, document),
            }

    def index(self, kind: str, keys: list[str], documents: list[Document]):
        helpers.bulk(
            self.client,
            self._actions(kind, alias(kind), keys, documents),
            raise_on_error=False,  # deleting what was never indexed is fine
        )

    def clear(self, kind: str):
        self.client.delete_by_query(
            index=alias(kind), body={"query": {"term": {"kind": kind}}}
        )

    def rebuild(
        self, kind: str, keys: list[str], progress: Callable[[int], None]
    ) -> int:
        """A new index, filled, then the alias swapped to it at once."""
        name = alias(kind)
        new = f"{name}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        self.client.indices.create(index=new, body=mapping())
        written = 0
        documents_of = kind_named(kind).documents
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            documents = documents_of(chunk)
            helpers.bulk(self.client, self._actions(kind, new, [], documents))
            written += len(documents)
            progress(len(chunk))
        self.client.indices.refresh(index=new)
        old = []
        if self.client.indices.exists_alias(name=name):
            old = list(self.client.indices.get_alias(name=name).body)
        actions = [{"remove": {"index": index, "alias": name}} for index in old]
        actions.append({"add": {"index": new, "alias": name}})
        self.client.indices.update_aliases(body={"actions": actions})
        for index in old:
            self.client.indices.delete(index=index)
        return written
