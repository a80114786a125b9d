"""Recent search results, kept in the cache (Redis in production) until
the index of their kind changes or ``SEARCH_RESULTS_SECONDS`` pass.

A directory of 20,000 services counts every facet over every match; the
same search (the unfiltered directory, a town, a type) is asked again and
again by different visitors. Every write to the index (:mod:`search.tasks`,
a rebuild) gives the kind a new generation (at once, and again when it commits), and the
generation is part of each key, so a result is never read after the index
changed. Searches for what is open now depend on the clock and are never
kept; the time limit covers the rest that moves with time (an entry whose
last verification grows too old)."""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

# Sent with ``kind`` when the index of a kind was written (pages showing
# its results may be kept elsewhere, e.g. whole pages for visitors).
index_changed = Signal()


def _generation_key(kind: str) -> str:
    return f"search:generation:{kind}"


def changed(kind: str) -> None:
    """The index of ``kind`` was written: results kept so far are stale
    (from the moment the writing transaction commits)."""
    _new_generation(kind)
    # Again once committed: a search made meanwhile read the old rows.
    transaction.on_commit(lambda: _new_generation(kind), robust=True)
    index_changed.send(sender=None, kind=kind)


def _new_generation(kind: str) -> None:
    cache.set(_generation_key(kind), uuid.uuid4().hex, None)


def cached(kind: str, query, compute):
    """``compute()``, or its result kept for the same ``query`` of
    ``kind`` at the index's current generation."""
    seconds = getattr(settings, "SEARCH_RESULTS_SECONDS", 300)
    if not seconds or query.open_now:
        return compute()
    generation = cache.get(_generation_key(kind))
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(_generation_key(kind), generation, None):
            generation = cache.get(_generation_key(kind))
    digest = hashlib.sha256(repr((kind, query)).encode()).hexdigest()[:40]
    key = f"search:results:{generation}:{digest}"
    results = cache.get(key)
    if results is None:
        results = compute()
        cache.set(key, results, seconds)
    return results
