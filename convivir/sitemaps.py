"""The sitemap: every live public page in every language, each with
``hreflang`` alternates pointing at its translations.

Wagtail's own sitemap lists only the site's root page tree, which with
translations is the Spanish tree alone.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from convivir.site_facts import public


class TranslatedSitemap(Sitemap):
    """Live public pages of the site's root in every language; each entry
    lists its translations as ``hreflang`` alternates."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            public(Page.objects.filter(in_a_tree).live())
            .order_by("path")
            .defer_streamfields()
            .select_related("locale")
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        # Every page's public address in each language, for the alternates.
        versions = defaultdict(list)
        for item in items:
            url = item.get_full_url(self.request)
            if url:
                versions[item.translation_key].append(
                    {"lang_code": item.locale.language_code, "location": url}
                )
        urls, last_mods = [], set()
        for item in items:
            alternates = versions[item.translation_key]
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates) > 1 and url_info["location"] in {
                    a["location"] for a in alternates
                }:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
