"""What a search costs the database: one statement for the words, the
facets, the distance and the page, and indexes that the lookups use."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directory.models.services import SERVICES_KIND
from search import engine
from search.database import DatabaseBackend
from search.models import Word
from search.places import town_named
from search.query import Query

TAPACHULA = town_named("Tapachula")


def test_words_facets_distance_and_page_are_one_statement(services, db):
    query = Query(
        text="albergue",
        filters={"state": ["chiapas"], "type": ["shelter"]},
        near=(TAPACHULA.latitude, TAPACHULA.longitude),
        radius_km=100,
        page=2,
        per_page=1,
    )
    with CaptureQueriesContext(connection) as queries:
        results = engine.search(SERVICES_KIND, query)
    assert len(queries) == 1
    assert results.total >= 2 and len(results.hits) == 1 and results.page == 2
    assert results.facets["type"]["shelter"] == results.total
    assert results.hits[0].distance_km is not None


def test_a_page_past_the_end_is_the_last_in_the_same_statement(services, db):
    everything = engine.search(SERVICES_KIND, Query(per_page=4))
    with CaptureQueriesContext(connection) as queries:
        last = engine.search(SERVICES_KIND, Query(per_page=4, page=500))
    assert len(queries) == 1
    assert last.page == everything.pages
    assert len(last.hits) == everything.total - 4 * (everything.pages - 1)


@pytest.mark.postgres
def test_the_typo_lookup_uses_the_trigram_index(services, db):
    # A vocabulary the size of a real directory's, so that the planner
    # weighs the index against reading every word.
    Word.objects.bulk_create(
        [Word(word=f"palabra{n}") for n in range(20_000)], ignore_conflicts=True
    )
    with connection.cursor() as cursor:
        # What autovacuum does: the new words join the index proper (a GIN
        # index queues fresh entries in a pending list) and are counted.
        cursor.execute("SELECT gin_clean_pending_list('convivir_search_word_trgm')")
        cursor.execute(f"ANALYZE {Word._meta.db_table}")
    with CaptureQueriesContext(connection) as queries:
        assert DatabaseBackend()._suggest("albegue")[0] == "alberg"
    (lookup,) = queries.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + lookup["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "convivir_search_word_trgm" in plan, plan
