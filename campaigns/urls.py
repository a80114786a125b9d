"""Public, language-prefixed views of the pledge, and the campaign feeds,
each at an address in the visitor's language
(``/es/campanas/feed/rss/``, ``/en/campaigns/feed/rss/``)."""

from campaigns import feeds, views
from convivir.common.routes import localized_urls, route

app_name = "campaigns"

urlpatterns = localized_urls(
    app_name,
    route(
        "pledge",
        views.pledge,
        es="campanas/<int:page_id>/compromiso/",
        en="campaigns/<int:page_id>/pledge/",
    ),
    route(
        "pledge_sent",
        views.pledge_sent,
        es="campanas/<int:page_id>/compromiso/revisa-tu-correo/",
        en="campaigns/<int:page_id>/pledge/check-your-email/",
    ),
    route(
        "confirm_pledge",
        views.confirm_pledge,
        es="campanas/compromiso/confirmar/<str:token>/",
        en="campaigns/pledge/confirm/<str:token>/",
    ),
    route(
        "feed_rss",
        feeds.CampaignFeed(),
        es="campanas/feed/rss/",
        en="campaigns/feed/rss/",
    ),
    route(
        "feed_atom",
        feeds.CampaignAtomFeed(),
        es="campanas/feed/atom/",
        en="campaigns/feed/atom/",
    ),
)
