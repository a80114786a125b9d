"""The "my data" pages, under each language in its words: /es/mis-datos/,
/en/my-data/."""

from django.urls import path

from convivir.common.routes import localized, moved
from convivir.privacy import views

app_name = "privacy"

urlpatterns = [
    path(
        localized(es="mis-datos/", en="my-data/"),
        views.request_link,
        name="request_link",
    ),
    path(
        localized(es="mis-datos/enviado/", en="my-data/sent/"),
        views.link_sent,
        name="link_sent",
    ),
    path(
        localized(es="mis-datos/borrados/", en="my-data/deleted/"),
        views.deleted,
        name="deleted",
    ),
    path(
        localized(es="mis-datos/<str:token>/", en="my-data/<str:token>/"),
        views.my_data,
        name="my_data",
    ),
    path(
        localized(
            es="mis-datos/<str:token>/descargar/", en="my-data/<str:token>/download/"
        ),
        views.download,
        name="download",
    ),
    path(
        localized(es="mis-datos/<str:token>/borrar/", en="my-data/<str:token>/delete/"),
        views.delete,
        name="delete",
    ),
    # The Spanish addresses under another language's prefix (links in
    # English e-mails sent before the addresses were translated).
    path("mis-datos/", moved("privacy:request_link")),
    path("mis-datos/enviado/", moved("privacy:link_sent")),
    path("mis-datos/borrados/", moved("privacy:deleted")),
    path("mis-datos/<str:token>/", moved("privacy:my_data")),
    path("mis-datos/<str:token>/descargar/", moved("privacy:download")),
    path("mis-datos/<str:token>/borrar/", moved("privacy:delete")),
]
