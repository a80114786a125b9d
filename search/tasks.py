"""Writing to the index: :func:`write` sends the current documents of some
keys to the backend; with Elasticsearch, saves and deletes call it through
the :func:`index_keys` task (with the database backend the rows are
written in the saving transaction)."""

from django_tasks import task

from search.engine import backend
from search.registry import kind as kind_named
from search.results_cache import changed


def write(kind: str, keys: list[str]) -> int:
    """Index the current documents of ``keys`` (removing those no longer
    public); how many were written."""
    documents = kind_named(kind).documents(keys)
    backend().index(kind, keys, documents)
    changed(kind)
    return len(documents)


@task()
def index_keys(kind: str, keys: list[str]) -> int:
    return write(kind, keys)
