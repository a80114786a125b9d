"""The starting list of event categories, in Spanish with their English
translations (same translation key); editors can change it afterwards."""

import uuid

from django.db import migrations

CATEGORIES = [
    ("festival", "Festival cultural", "Cultural festival"),
    ("dialogo", "Diálogo comunitario", "Community dialogue"),
    ("cine", "Proyección de cine", "Film screening"),
    ("taller", "Taller", "Workshop"),
    ("capacitacion", "Capacitación para personal público", "Training for officials"),
    ("deporte", "Deporte", "Sport"),
    ("exposicion", "Exposición", "Exhibition"),
]
NAMESPACE = uuid.UUID("0c7b1d3e-7a53-4d43-9a8e-5f3b2c1d9e01")


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    EventCategory = apps.get_model("events", "EventCategory")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for slug, spanish, english in CATEGORIES:
        key = uuid.uuid5(NAMESPACE, slug)
        for code, name in (("es", spanish), ("en", english)):
            if code in locales:
                EventCategory.objects.get_or_create(
                    slug=slug,
                    locale=locales[code],
                    defaults={"name": name, "translation_key": key},
                )


def unseed(apps, schema_editor):
    EventCategory = apps.get_model("events", "EventCategory")
    EventCategory.objects.filter(slug__in=[c[0] for c in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("convivir", "0002_site_home_and_locales"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
