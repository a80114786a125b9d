"""The Redis cache keeps one client per connection pool (convivir.redis_cache)
and behaves as Django's: against the real Redis that CI and production use."""

import socket

import pytest

from convivir.redis_cache import RedisCache

URL = "redis://127.0.0.1:6379/14"


def _redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _redis_answers(), reason="needs Redis")


@pytest.fixture
def cache():
    cache = RedisCache(URL, {"KEY_PREFIX": "convivir-test-client"})
    yield cache
    cache.delete_many(["kept", "other"])


def test_one_client_serves_every_call(cache):
    first = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is first
    assert cache._cache.get_client() is first  # one server: reads go to it too


def test_it_keeps_and_forgets_like_djangos(cache):
    cache.set("kept", {"page": b"<html>"}, 30)
    assert cache.get("kept") == {"page": b"<html>"}
    assert cache.get_many(["kept", "other"]) == {"kept": {"page": b"<html>"}}
    assert cache.add("kept", "again") is False
    cache.delete("kept")
    assert cache.get("kept") is None
