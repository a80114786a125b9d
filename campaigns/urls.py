"""Public, language-prefixed views of the pledge, and the campaign feeds."""

from django.urls import path

from campaigns import feeds, views

app_name = "campaigns"

urlpatterns = [
    path("campanas/<int:page_id>/compromiso/", views.pledge, name="pledge"),
    path(
        "campanas/<int:page_id>/compromiso/revisa-tu-correo/",
        views.pledge_sent,
        name="pledge_sent",
    ),
    path(
        "campanas/compromiso/confirmar/<str:token>/",
        views.confirm_pledge,
        name="confirm_pledge",
    ),
    path("campanas/feed/rss/", feeds.CampaignFeed(), name="feed_rss"),
    path("campanas/feed/atom/", feeds.CampaignAtomFeed(), name="feed_atom"),
]
