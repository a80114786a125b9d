"""Every install starts with both site languages and a Convivir home page as
the site root, in place of Wagtail's placeholder "Welcome" page."""

import uuid

from django.conf import settings
from django.db import migrations

from convivir.env import site_address


def create_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("convivir.HomePage")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    spanish = Locale.objects.get(language_code="es")

    # Wagtail's placeholder page (plain Page, slug "home", at depth 2).
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    if HomePage.objects.exists():
        return

    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(
        app_label="convivir", model="homepage"
    )
    # The first free path below the root (treebeard's four-character steps).
    taken = set(Page.objects.filter(depth=2).values_list("path", flat=True))
    step = 1
    while f"{root.path}{step:04d}" in taken:
        step += 1
    home = HomePage.objects.create(
        title="Inicio",
        draft_title="Inicio",
        slug="inicio",
        content_type=home_type,
        path=f"{root.path}{step:04d}",
        depth=2,
        numchild=0,
        url_path="/inicio/",
        locale=spanish,
        translation_key=uuid.uuid4(),
        live=True,
        hero_heading="Convivir: comunidades que acogen",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    # Wagtail builds full URLs (sitemap, hreflang, e-mails) from the Site
    # record: take its address from BASE_URL (see `manage.py set_site_address`).
    hostname, port = site_address(settings.BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.root_page = home
    site.site_name = "Convivir"
    site.hostname = hostname
    site.port = port
    site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("convivir", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site, migrations.RunPython.noop)]
