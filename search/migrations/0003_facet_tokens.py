"""Facet values move from rows of their own onto the entry, as padded
``facet=value`` tokens (``facets``); on PostgreSQL also a generated array
of them (``facet_set``), which one pass of a search unnests to count."""

from django.db import migrations, models

ADD_ARRAY = """ALTER TABLE convivir_search_entry ADD COLUMN facet_set text[]
    GENERATED ALWAYS AS (string_to_array(btrim(facets), ' ')) STORED"""
DROP_ARRAY = "ALTER TABLE convivir_search_entry DROP COLUMN IF EXISTS facet_set"


def copy_values(apps, schema_editor):
    Entry = apps.get_model("convivir_search", "Entry")
    Value = apps.get_model("convivir_search", "Value")
    tokens: dict[int, list[str]] = {}
    for entry_id, facet, value in Value.objects.values_list(
        "entry_id", "facet", "value"
    ).iterator():
        tokens.setdefault(entry_id, []).append(f"{facet}={''.join(value.split())}")
    changed = []
    for entry in Entry.objects.filter(pk__in=list(tokens)).iterator():
        entry.facets = " " + " ".join(dict.fromkeys(tokens[entry.pk])) + " "
        changed.append(entry)
    Entry.objects.bulk_update(changed, ["facets"], batch_size=1000)


def add_array(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_ARRAY)


def drop_array(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_ARRAY)


class Migration(migrations.Migration):
    dependencies = [("convivir_search", "0002_postgresql_indexes")]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="facets",
            field=models.TextField(default=" "),
        ),
        migrations.RunPython(copy_values, migrations.RunPython.noop),
        migrations.DeleteModel(name="Value"),
        migrations.RunPython(add_array, drop_array),
    ]
