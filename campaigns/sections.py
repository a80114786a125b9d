"""The home page's campaigns section: the featured campaign and the latest
ones, in the visitor's language."""

from campaigns.models import CampaignIndexPage, CampaignPage
from convivir.common.languages import active_locale
from convivir.site_facts import public

LATEST = 3


def campaigns_for_home(page, request):
    """None (no section) when there is no campaign in this language."""
    campaigns = list(
        public(CampaignPage.objects.live())
        .filter(locale=active_locale())
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-is_featured", "-start_date", "-first_published_at")[: LATEST + 1]
    )
    if not campaigns:
        return None
    featured = campaigns[0] if campaigns[0].is_featured else None
    latest = campaigns[1:] if featured else campaigns[:LATEST]
    index = CampaignIndexPage.for_visitor()
    return {
        "featured": featured,
        "latest": latest,
        "index_url": index.get_url(request) if index else "",
    }
