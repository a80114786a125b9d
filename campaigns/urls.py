"""Public, language-prefixed views of the pledge, and the campaign feeds,
each at an address in the visitor's language
(``/es/campanas/feed/rss/``, ``/en/campaigns/feed/rss/``)."""

from django.urls import path

from campaigns import feeds, views
from convivir.common.routes import localized, moved

app_name = "campaigns"

urlpatterns = [
    path(
        localized(
            es="campanas/<int:page_id>/compromiso/",
            en="campaigns/<int:page_id>/pledge/",
        ),
        views.pledge,
        name="pledge",
    ),
    path(
        localized(
            es="campanas/<int:page_id>/compromiso/revisa-tu-correo/",
            en="campaigns/<int:page_id>/pledge/check-your-email/",
        ),
        views.pledge_sent,
        name="pledge_sent",
    ),
    path(
        localized(
            es="campanas/compromiso/confirmar/<str:token>/",
            en="campaigns/pledge/confirm/<str:token>/",
        ),
        views.confirm_pledge,
        name="confirm_pledge",
    ),
    path(
        localized(es="campanas/feed/rss/", en="campaigns/feed/rss/"),
        feeds.CampaignFeed(),
        name="feed_rss",
    ),
    path(
        localized(es="campanas/feed/atom/", en="campaigns/feed/atom/"),
        feeds.CampaignAtomFeed(),
        name="feed_atom",
    ),
    # The Spanish addresses under another language's prefix, from before the
    # addresses were translated (/en/campanas/feed/rss/, links in e-mails).
    path("campanas/<int:page_id>/compromiso/", moved("campaigns:pledge")),
    path(
        "campanas/<int:page_id>/compromiso/revisa-tu-correo/",
        moved("campaigns:pledge_sent"),
    ),
    path(
        "campanas/compromiso/confirmar/<str:token>/",
        moved("campaigns:confirm_pledge"),
    ),
    path("campanas/feed/rss/", moved("campaigns:feed_rss")),
    path("campanas/feed/atom/", moved("campaigns:feed_atom")),
]
