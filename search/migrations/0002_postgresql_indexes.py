"""On PostgreSQL: the entries' weighted ``tsvector`` (a generated column of
the stems already analysed in Python, hence the ``simple`` configuration)
with a GIN index, and a trigram index on the vocabulary for typos. Other
databases need neither (SQLite matches the stems with LIKE)."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE convivir_search_entry ADD COLUMN document tsvector
       GENERATED ALWAYS AS (
           setweight(to_tsvector('simple', title), 'A')
           || setweight(to_tsvector('simple', body), 'B')
       ) STORED""",
    "CREATE INDEX convivir_search_entry_document ON convivir_search_entry "
    "USING gin (document)",
    "CREATE INDEX convivir_search_word_trgm ON convivir_search_word "
    "USING gin (word gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS convivir_search_word_trgm",
    "DROP INDEX IF EXISTS convivir_search_entry_document",
    "ALTER TABLE convivir_search_entry DROP COLUMN IF EXISTS document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("convivir_search", "0001_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
