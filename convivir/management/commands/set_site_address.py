"""``manage.py set_site_address``: point Wagtail's default Site at BASE_URL."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from convivir.env import site_address


class Command(BaseCommand):
    help = (
        "Set the default Wagtail site's host name and port from BASE_URL. Wagtail "
        "builds full addresses (sitemap, hreflang links, e-mails) from that record, "
        "so run this after changing BASE_URL."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site; run migrate first.")
        site.hostname, site.port = site_address(settings.BASE_URL)
        site.save(update_fields=["hostname", "port"])
        Site.clear_site_root_paths_cache()
        self.stdout.write(f"Default site: {site.hostname}, port {site.port}")
