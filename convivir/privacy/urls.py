"""The "my data" pages, under each language: /es/mis-datos/, /en/mis-datos/."""

from django.urls import path

from convivir.privacy import views

app_name = "privacy"

urlpatterns = [
    path("mis-datos/", views.request_link, name="request_link"),
    path("mis-datos/enviado/", views.link_sent, name="link_sent"),
    path("mis-datos/borrados/", views.deleted, name="deleted"),
    path("mis-datos/<str:token>/", views.my_data, name="my_data"),
    path("mis-datos/<str:token>/descargar/", views.download, name="download"),
    path("mis-datos/<str:token>/borrar/", views.delete, name="delete"),
]
