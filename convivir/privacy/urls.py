"""The "my data" pages, under each language in its words: /es/mis-datos/,
/en/my-data/."""

from convivir.common.routes import localized_urls, route
from convivir.privacy import views

app_name = "privacy"

urlpatterns = localized_urls(
    app_name,
    route("request_link", views.request_link, es="mis-datos/", en="my-data/"),
    route("link_sent", views.link_sent, es="mis-datos/enviado/", en="my-data/sent/"),
    route("deleted", views.deleted, es="mis-datos/borrados/", en="my-data/deleted/"),
    route(
        "my_data", views.my_data, es="mis-datos/<str:token>/", en="my-data/<str:token>/"
    ),
    route(
        "download",
        views.download,
        es="mis-datos/<str:token>/descargar/",
        en="my-data/<str:token>/download/",
    ),
    route(
        "delete",
        views.delete,
        es="mis-datos/<str:token>/borrar/",
        en="my-data/<str:token>/delete/",
    ),
)
