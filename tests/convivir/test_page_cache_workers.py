"""Each worker's own copies of the pages it served last (convivir/pagecache.py):
served without asking the cache, a change made in another worker seen within
PAGE_CACHE_LOCAL_SECONDS (in this one at once: test_page_cache.py), never older than
PAGE_CACHE_SECONDS, and never more than PAGE_CACHE_LOCAL_BYTES of them."""

import time

from django.core.cache import cache
from django.test import Client

import pytest

from convivir import pagecache
from convivir.factories import ContentPageFactory
from tests.utils import add_child

pytestmark = pytest.mark.django_db

STATE = "X-Convivir-Page-Cache"


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_LOCAL_SECONDS = 1


@pytest.fixture
def about(home):
    return add_child(
        home, ContentPageFactory.build(title="Quiénes somos", slug="quienes")
    )


class _CountedCache:
    """The cache, counting the reads that reach it."""

    def __init__(self):
        self.reads = 0

    def get(self, *args, **kwargs):
        self.reads += 1
        return cache.get(*args, **kwargs)

    def get_many(self, *args, **kwargs):
        self.reads += 1
        return cache.get_many(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(cache, name)


def _later(monkeypatch, seconds):
    """The clocks ``seconds`` on (the worker's and the cache's)."""
    monotonic, now = time.monotonic, time.time
    monkeypatch.setattr(time, "monotonic", lambda: monotonic() + seconds)
    monkeypatch.setattr(time, "time", lambda: now() + seconds)


def test_a_page_served_again_by_the_same_worker_does_not_ask_the_cache(
    about, monkeypatch
):
    first = Client().get("/es/quienes/")
    assert first[STATE] == "miss"
    counted = _CountedCache()
    monkeypatch.setattr(pagecache, "cache", counted)
    again = Client().get("/es/quienes/")
    assert again[STATE] == "hit"
    assert again.content == first.content
    assert counted.reads == 0


def test_a_change_in_another_worker_is_seen_within_the_local_seconds(
    about, monkeypatch
):
    Client().get("/es/quienes/")
    # Another worker publishes: the shared generation moves, not this
    # worker's copy of it.
    pagecache._new_generation("content")
    assert Client().get("/es/quienes/")[STATE] == "hit"
    _later(monkeypatch, 1.5)
    assert Client().get("/es/quienes/")[STATE] == "miss"


def test_a_copy_is_never_older_than_the_cache_keeps_pages(about, monkeypatch):
    Client().get("/es/quienes/")
    assert Client().get("/es/quienes/")[STATE] == "hit"
    _later(monkeypatch, 301)
    assert Client().get("/es/quienes/")[STATE] == "miss"


def test_the_copies_stay_within_their_bytes(about, home, settings):
    other = add_child(home, ContentPageFactory.build(title="Contacto", slug="contacto"))
    size = len(Client().get("/es/quienes/").content)
    settings.PAGE_CACHE_LOCAL_BYTES = size + size // 2
    pagecache.clear_worker_copies()
    Client().get("/es/quienes/")
    Client().get(other.url)
    copies = pagecache._LOCAL
    assert len(copies.pages) == 1  # the page served last
    assert copies.size <= settings.PAGE_CACHE_LOCAL_BYTES
    # The dropped one is still in the shared cache.
    assert Client().get("/es/quienes/")[STATE] == "hit"


def test_turned_off_every_page_is_read_from_the_cache(about, settings, monkeypatch):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    Client().get("/es/quienes/")
    counted = _CountedCache()
    monkeypatch.setattr(pagecache, "cache", counted)
    assert Client().get("/es/quienes/")[STATE] == "hit"
    assert counted.reads == 1
    assert not pagecache._LOCAL.pages
