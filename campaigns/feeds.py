"""RSS and Atom feeds of the latest campaigns, one per language: the feed
under /es/ lists the Spanish pages, under /en/ the English ones."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from campaigns.models import CampaignIndexPage, CampaignPage
from convivir.common.languages import active_locale
from convivir.site_facts import public

FEED_ITEMS = 20


class CampaignFeed(Feed):
    def title(self):
        return _("Convivir campaigns")

    def description(self):
        return _("The latest campaigns for living together in southern Mexico.")

    def link(self):
        """The campaign list in the feed's language, or else its home page."""
        index = CampaignIndexPage.for_visitor()
        return index.url if index else reverse("wagtail_serve", args=[""])

    def items(self):
        return list(
            public(CampaignPage.objects.live())
            .filter(locale=active_locale())
            .order_by("-first_published_at")
            .prefetch_related("themes")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class CampaignAtomFeed(CampaignFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
