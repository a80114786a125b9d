"""Keeping the index current: apps call :func:`reindex` with the keys of
the objects that changed (saved, published, unpublished, deleted, imported,
their status or places changed), and ``manage.py search_index rebuild``
calls :func:`rebuild`.

Within :func:`deferred` (a save that writes a cluster of rows, an import,
the demo), keys are collected and indexed once when the block ends."""

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from search.engine import backend
from search.registry import kind as kind_named
from search.results_cache import changed
from search.tasks import index_keys, write

CHUNK = 500

_state = threading.local()


def _pending() -> dict[str, set[str]] | None:
    return getattr(_state, "pending", None)


@contextmanager
def deferred():
    """Collect what is reindexed inside the block; index it once at the
    end (nothing if the block raises). Nested blocks join the outer one."""
    if _pending() is not None:
        yield
        return
    _state.pending = defaultdict(set)
    try:
        yield
        pending = _state.pending
    finally:
        _state.pending = None
    for kind, keys in pending.items():
        reindex(kind, sorted(keys))


def reindex(kind: str, keys: Iterable) -> int:
    """Write the current documents of ``keys`` (removing the keys that are
    no longer public). Returns how many documents were written (0 when
    deferred)."""
    keys = [str(key) for key in keys]
    pending = _pending()
    if pending is not None:
        pending[kind].update(keys)
        return 0
    written = 0
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        if getattr(backend(), "deferred_writes", False):
            index_keys.enqueue(kind, chunk)
        else:
            written += write(kind, chunk)
    return written


def rebuild(kind: str, progress: Callable[[int], None] = lambda n: None) -> int:
    """Index every public object of ``kind`` afresh (searches see the old
    index until the new one is whole)."""
    keys = [str(key) for key in kind_named(kind).public_keys()]
    written = backend().rebuild(kind, keys, progress)
    changed(kind)
    return written
