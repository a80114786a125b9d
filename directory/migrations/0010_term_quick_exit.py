"""Terms whose pages offer the quick exit: gender-based violence,
trafficking, LGBTIQ+ support and child protection services, and the
LGBTIQ+ population."""

from django.db import migrations, models

QUICK_EXIT = {
    "service_type": ["gbv_protection", "trafficking", "lgbtiq", "child_protection"],
    "population": ["lgbtiq"],
}


def mark(apps, schema_editor):
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    for taxonomy, codes in QUICK_EXIT.items():
        TaxonomyTerm.objects.filter(taxonomy__key=taxonomy, code__in=codes).update(
            quick_exit=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0009_page_plurals"),
    ]

    operations = [
        migrations.AddField(
            model_name="taxonomyterm",
            name="quick_exit",
            field=models.BooleanField(
                default=False,
                help_text="Pages showing services of this kind offer the “Quick exit” button (violence, trafficking, LGBTIQ+ support, child protection).",
                verbose_name="quick exit",
            ),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
