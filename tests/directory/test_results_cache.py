"""A search asked again is answered from the cache until the index of its
kind changes (search/results_cache.py), through the directory's pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db

URL = "/es/buscar-ayuda/?tipo=shelter"


def _search_statements(client, url=URL) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    searches = [q for q in captured if "convivir_search_entry" in q["sql"]]
    return len(searches), html


def test_the_same_search_is_asked_of_the_database_once(client, directory_page):
    ServiceFactory(name="Albergue Belén", types=["shelter"])
    first, html = _search_statements(client)
    assert first >= 1 and "Albergue Belén" in html
    again, html = _search_statements(client)
    assert again == 0
    assert "Albergue Belén" in html


def test_a_change_to_the_directory_is_seen_at_once(client, directory_page):
    belen = ServiceFactory(name="Albergue Belén", types=["shelter"])
    _search_statements(client)
    ServiceFactory(name="Casa del Caminante", types=["shelter"])
    searched, html = _search_statements(client)
    assert searched >= 1
    assert "Casa del Caminante" in html and "Albergue Belén" in html
    belen.unpublish()
    _, html = _search_statements(client)
    assert "Albergue Belén" not in html and "Casa del Caminante" in html


def test_open_now_is_never_kept(client, directory_page):
    ServiceFactory(name="Albergue Belén", types=["shelter"])
    url = URL + "&abierto=1"
    _search_statements(client, url)
    again, _ = _search_statements(client, url)
    assert again >= 1


def test_keeping_can_be_turned_off(client, directory_page, settings):
    settings.SEARCH_RESULTS_SECONDS = 0
    ServiceFactory(name="Albergue Belén", types=["shelter"])
    _search_statements(client)
    again, _ = _search_statements(client)
    assert again >= 1
